namespace Shop.Orders.Domain;

public enum CancellationReason
{
    OutOfStock,
    PaymentDeclined,
    CancelledByCustomer,
}
