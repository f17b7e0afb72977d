using Shop.Orders.Domain;

namespace Shop.Orders.Apis;

public sealed record OrderLineResponse(Guid ProductId, string Name, decimal UnitPrice, int Quantity)
{
    /// <summary>The order's lines in the order the customer sent them.</summary>
    public static IReadOnlyList<OrderLineResponse> From(IEnumerable<OrderLine> lines) =>
        [.. lines.OrderBy(line => line.LineNumber)
            .Select(line => new OrderLineResponse(line.ProductId, line.Name, line.UnitPrice, line.Quantity))];
}
