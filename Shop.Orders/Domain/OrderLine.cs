namespace Shop.Orders.Domain;

/// <summary>A product on an order, with the name and price inventory quoted when the order was placed.</summary>
public sealed class OrderLine
{
    public const int MaxNameLength = 200;

    public OrderLine(int lineNumber, Guid productId, string name, decimal unitPrice, int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lineNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(unitPrice);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);

        LineNumber = lineNumber;
        ProductId = productId;
        Name = name;
        UnitPrice = unitPrice;
        Quantity = quantity;
    }

    /// <summary>The line's 0-based position in the request, so responses list items in the order they were sent.</summary>
    public int LineNumber { get; private set; }

    public Guid ProductId { get; private set; }

    public string Name { get; private set; }

    public decimal UnitPrice { get; private set; }

    public int Quantity { get; private set; }

    public decimal LineTotal => UnitPrice * Quantity;
}
