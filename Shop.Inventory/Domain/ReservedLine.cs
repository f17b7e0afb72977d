namespace Shop.Inventory.Domain;

/// <summary>Units of one product held for an order.</summary>
public sealed record ReservedLine(Guid ProductId, int Quantity);
