using Shop.Orders.Domain;
using Shop.Orders.Infrastructure;
using Shop.ServiceDefaults.Http;

namespace Shop.Orders.Application;

/// <summary>Turns a validated request and inventory's products into priced order lines, or names what is wrong.</summary>
internal static class OrderPricing
{
    public static PricedLines? Price(
        OrderRequest request, IReadOnlyDictionary<Guid, InventoryProduct?> products, ValidationErrors errors)
    {
        var lines = new List<OrderLine>(request.Lines.Count);
        for (var i = 0; i < request.Lines.Count; i++)
        {
            var requested = request.Lines[i];
            if (products.GetValueOrDefault(requested.ProductId) is not { } product)
            {
                errors.Add($"items[{i}].productId", $"Product {requested.ProductId} does not exist.");
                continue;
            }

            lines.Add(new OrderLine(i, requested.ProductId, product.Name, product.Price, requested.Quantity));
        }

        if (!errors.IsEmpty)
        {
            return null;
        }

        var currencies = products.Values.Select(product => product!.Currency).Distinct(StringComparer.Ordinal).ToList();
        if (currencies.Count > 1)
        {
            errors.Add("items", $"All products of an order must be priced in one currency; these are in {string.Join(", ", currencies)}.");
            return null;
        }

        if (lines.Sum(line => line.LineTotal) > Order.MaxTotal)
        {
            errors.Add("items", $"The order total must not exceed {Order.MaxTotal:0.00} {currencies[0]}; split it into several orders.");
            return null;
        }

        return new PricedLines(lines, currencies[0]);
    }
}

internal sealed record PricedLines(IReadOnlyList<OrderLine> Lines, string Currency);
