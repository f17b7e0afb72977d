namespace Shop.IntegrationEvents;

/// <summary>Orders: stock is reserved and the payment captured; the order is confirmed.</summary>
[IntegrationEvent("order-confirmed", 1)]
public sealed record OrderConfirmed(Guid OrderId, Guid UserId, decimal Total, string Currency);
