namespace Shop.IntegrationEvents;

/// <summary>Inventory: every line of the order is reserved.</summary>
[IntegrationEvent("stock-reserved", 1)]
public sealed record StockReserved(Guid OrderId, Guid UserId);
