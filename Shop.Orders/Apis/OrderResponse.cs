using Shop.Orders.Domain;

namespace Shop.Orders.Apis;

/// <summary>An order as its owner or an admin sees it; <see cref="CancellationReason"/> is null unless cancelled.</summary>
public sealed record OrderResponse(
    Guid Id,
    Guid UserId,
    OrderStatus Status,
    IReadOnlyList<OrderLineResponse> Items,
    decimal Total,
    string Currency,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    CancellationReason? CancellationReason)
{
    public static OrderResponse From(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new OrderResponse(
            order.Id,
            order.UserId,
            order.Status,
            OrderLineResponse.From(order.Lines),
            order.Total,
            order.Currency,
            order.CreatedAt,
            order.UpdatedAt,
            order.CancellationReason);
    }
}
