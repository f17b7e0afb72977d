using Shop.Orders.Domain;

namespace Shop.Orders.Apis;

/// <summary>What <c>POST /api/v1/orders</c> answers; the order's progress is then followed with a GET.</summary>
public sealed record PlacedOrderResponse(
    Guid Id,
    OrderStatus Status,
    IReadOnlyList<OrderLineResponse> Items,
    decimal Total,
    string Currency,
    DateTimeOffset CreatedAt)
{
    public static PlacedOrderResponse From(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new PlacedOrderResponse(
            order.Id, order.Status, OrderLineResponse.From(order.Lines), order.Total, order.Currency, order.CreatedAt);
    }
}
