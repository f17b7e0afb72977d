namespace Shop.Orders.Infrastructure;

/// <summary>Inventory could not answer a product lookup (down, timing out, circuit open, or an unusable answer).</summary>
public sealed class InventoryUnavailableException : Exception
{
    public InventoryUnavailableException(string message)
        : base(message)
    {
    }

    public InventoryUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
