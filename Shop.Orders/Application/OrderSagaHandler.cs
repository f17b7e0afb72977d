using Microsoft.EntityFrameworkCore;
using Shop.EventBus.Consuming;
using Shop.EventBus.Outbox;
using Shop.IntegrationEvents;
using Shop.Orders.Data;
using Shop.Orders.Domain;

namespace Shop.Orders.Application;

/// <summary>
/// Orders' part of the saga: moves the order as inventory and payments report back, and announces its outcome
/// (OrderConfirmed, OrderCancelled) in the same transaction. A step that no longer applies (the customer cancelled,
/// the event is late) is skipped; payments and inventory compensate on OrderCancelled.
/// </summary>
internal sealed partial class OrderSagaHandler(
    OrdersDbContext db, IOutbox outbox, OrderMetrics metrics, TimeProvider time, ILogger<OrderSagaHandler> logger) :
    IIntegrationEventHandler<StockReserved>,
    IIntegrationEventHandler<StockReservationFailed>,
    IIntegrationEventHandler<PaymentCaptured>,
    IIntegrationEventHandler<PaymentDeclined>
{
    public Task HandleAsync(StockReserved integrationEvent, CancellationToken ct) =>
        ApplyAsync(integrationEvent.OrderId, nameof(StockReserved), (order, now) => order.ApplyStockReserved(now), ct);

    public Task HandleAsync(StockReservationFailed integrationEvent, CancellationToken ct) =>
        ApplyAsync(integrationEvent.OrderId, nameof(StockReservationFailed), (order, now) => order.ApplyFailure(CancellationReason.OutOfStock, now), ct);

    public Task HandleAsync(PaymentCaptured integrationEvent, CancellationToken ct) =>
        ApplyAsync(integrationEvent.OrderId, nameof(PaymentCaptured), (order, now) => order.ApplyPaymentCaptured(now), ct);

    public Task HandleAsync(PaymentDeclined integrationEvent, CancellationToken ct) =>
        ApplyAsync(integrationEvent.OrderId, nameof(PaymentDeclined), (order, now) => order.ApplyFailure(CancellationReason.PaymentDeclined, now), ct);

    private async Task ApplyAsync(Guid orderId, string eventName, Func<Order, DateTimeOffset, bool> step, CancellationToken ct)
    {
        // Locked for the transaction: the customer's cancel and other saga events for this order wait their turn.
        var order = await db.Orders
            .FromSql($"""SELECT *, xmin FROM "Orders" WHERE "Id" = {orderId} FOR UPDATE""")
            .SingleOrDefaultAsync(ct);
        if (order is null)
        {
            // Orders writes the order before any event about it exists, so this one is not about a Shop order.
            LogUnknownOrder(eventName, orderId);
            return;
        }

        var before = order.Status;
        if (!step(order, time.GetUtcNow()))
        {
            LogStepSkipped(eventName, orderId, before);
            return;
        }

        if (order.Status == OrderStatus.Confirmed)
        {
            outbox.Add(OrderIntegrationEvents.Confirmed(order));
        }
        else if (order.Status == OrderStatus.Cancelled)
        {
            outbox.Add(OrderIntegrationEvents.Cancelled(order));
        }

        await db.SaveChangesAsync(ct);
        if (order.Status is OrderStatus.Confirmed or OrderStatus.Cancelled)
        {
            metrics.Completed(order);
        }

        LogStepApplied(eventName, orderId, before, order.Status);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{EventName} for unknown order {OrderId} ignored")]
    private partial void LogUnknownOrder(string eventName, Guid orderId);

    // A saga step is one line per event on the normal path: Debug, as the other steps; the trace holds every step.
    [LoggerMessage(Level = LogLevel.Debug, Message = "{EventName} for order {OrderId} skipped: the order is already {Status}")]
    private partial void LogStepSkipped(string eventName, Guid orderId, OrderStatus status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{EventName}: order {OrderId} {From} → {To}")]
    private partial void LogStepApplied(string eventName, Guid orderId, OrderStatus from, OrderStatus to);
}
