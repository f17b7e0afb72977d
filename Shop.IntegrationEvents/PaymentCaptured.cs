namespace Shop.IntegrationEvents;

/// <summary>Payments: the order's card was charged.</summary>
[IntegrationEvent("payment-captured", 1)]
public sealed record PaymentCaptured(Guid OrderId, Guid PaymentId, decimal Amount, string Currency);
