namespace Shop.Orders.Domain;

/// <summary>One validated line of an order request: which product and how many.</summary>
public readonly record struct RequestedLine(Guid ProductId, int Quantity);
