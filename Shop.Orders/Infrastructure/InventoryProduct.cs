using System.Text.Json.Serialization;

namespace Shop.Orders.Infrastructure;

/// <summary>The part of inventory's product (<c>GET /api/v1/products/{id}</c>) an order needs.</summary>
public sealed record InventoryProduct(
    [property: JsonRequired] Guid Id,
    [property: JsonRequired] string Name,
    [property: JsonRequired] decimal Price,
    [property: JsonRequired] string Currency);
