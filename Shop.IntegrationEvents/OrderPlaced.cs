namespace Shop.IntegrationEvents;

/// <summary>
/// Orders: an order was accepted (status Pending) and waits for stock. <see cref="PaymentToken"/> is the payment
/// processor's token for the customer's card, never card data; only payments uses it.
/// </summary>
[IntegrationEvent("order-placed", 1)]
public sealed record OrderPlaced(
    Guid OrderId, Guid UserId, IReadOnlyList<OrderPlacedLine> Lines, decimal Total, string Currency, string PaymentToken);

public sealed record OrderPlacedLine(Guid ProductId, int Quantity, decimal UnitPrice);
