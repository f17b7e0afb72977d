using Shop.Inventory.Domain;

namespace Shop.Inventory.Apis;

/// <summary>A product as clients see it; <see cref="Available"/> is what can still be ordered.</summary>
public sealed record ProductResponse(Guid Id, string Sku, string Name, decimal Price, string Currency, int Available)
{
    public static ProductResponse From(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return new ProductResponse(product.Id, product.Sku, product.Name, product.Price, product.Currency, product.Available);
    }
}
