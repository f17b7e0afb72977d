namespace Shop.Orders.Contracts;

public sealed record PlaceOrderLine(Guid? ProductId, int? Quantity);
