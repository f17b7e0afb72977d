using System.Globalization;
using Shop.IntegrationEvents;
using Shop.Orders.Domain;

namespace Shop.Orders.Application;

/// <summary>What orders tells the other services about an order, built from the order itself.</summary>
internal static class OrderIntegrationEvents
{
    public static OrderPlaced Placed(Order order) => new(
        order.Id,
        order.UserId,
        [.. order.Lines.Select(line => new OrderPlacedLine(line.ProductId, line.Quantity, line.UnitPrice))],
        order.Total,
        order.Currency,
        order.PaymentToken);

    public static OrderConfirmed Confirmed(Order order) => new(order.Id, order.UserId, order.Total, order.Currency);

    public static OrderCancelled Cancelled(Order order) => new(
        order.Id,
        order.UserId,
        Convert.ToString(order.CancellationReason, CultureInfo.InvariantCulture)
            ?? throw new InvalidOperationException($"Order {order.Id} is cancelled without a reason."));
}
