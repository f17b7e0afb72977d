namespace Shop.IntegrationEvents;

/// <summary>Payments: the processor declined the order's card; <see cref="Reason"/> is its code (e.g. <c>card_declined</c>).</summary>
[IntegrationEvent("payment-declined", 1)]
public sealed record PaymentDeclined(Guid OrderId, string Reason);
