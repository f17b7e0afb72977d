namespace Shop.IntegrationEvents;

/// <summary>Inventory: at least one line could not be reserved, so none was; the products short of stock.</summary>
[IntegrationEvent("stock-reservation-failed", 1)]
public sealed record StockReservationFailed(Guid OrderId, Guid UserId, IReadOnlyList<Guid> UnavailableProductIds);
