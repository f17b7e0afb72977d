namespace Shop.IntegrationEvents;

/// <summary>
/// Orders: the order is cancelled; <see cref="Reason"/> is <c>OutOfStock</c>, <c>PaymentDeclined</c> or
/// <c>CancelledByCustomer</c>. Whatever was reserved is released and whatever was captured is refunded.
/// </summary>
[IntegrationEvent("order-cancelled", 1)]
public sealed record OrderCancelled(Guid OrderId, Guid UserId, string Reason);
