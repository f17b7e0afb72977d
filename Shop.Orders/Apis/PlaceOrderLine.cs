namespace Shop.Orders.Apis;

public sealed record PlaceOrderLine(Guid? ProductId, int? Quantity);
