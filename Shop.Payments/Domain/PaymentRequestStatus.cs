namespace Shop.Payments.Domain;

/// <summary>
/// Where an order's payment stands: waiting for inventory to reserve the stock (OrderPlaced came first) or for
/// OrderPlaced (StockReserved came first), then Captured or Declined; Cancelled when the order was cancelled before
/// any charge, Refunded when it was cancelled after the capture.
/// </summary>
public enum PaymentRequestStatus
{
    AwaitingStock,
    AwaitingOrder,
    Captured,
    Declined,
    Cancelled,
    Refunded,
}
