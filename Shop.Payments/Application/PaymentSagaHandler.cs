using Microsoft.EntityFrameworkCore;
using Shop.EventBus.Consuming;
using Shop.EventBus.Outbox;
using Shop.IntegrationEvents;
using Shop.Payments.Data;
using Shop.Payments.Domain;

namespace Shop.Payments.Application;

/// <summary>
/// Payments' part of the saga: learns what to charge from OrderPlaced, charges once inventory reserved the stock,
/// and refunds a capture when the order is cancelled. The three events may arrive in any order; whichever comes first
/// creates the order's payment request and the others find it (<see cref="PaymentRequests"/>). The request is locked
/// for each step, so a charge and a cancellation of the same order never interleave: either the charge is skipped or
/// it is refunded.
/// </summary>
internal sealed partial class PaymentSagaHandler(
    PaymentsDbContext db, PaymentRequests requests, PaymentRecorder recorder, IOutbox outbox, TimeProvider time, ILogger<PaymentSagaHandler> logger) :
    IIntegrationEventHandler<OrderPlaced>,
    IIntegrationEventHandler<StockReserved>,
    IIntegrationEventHandler<OrderCancelled>
{
    public async Task HandleAsync(OrderPlaced integrationEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);

        var placed = integrationEvent;
        var request = await requests.LockOrCreateAsync(
            () => PaymentRequest.Create(placed.OrderId, placed.UserId, placed.Total, placed.Currency, placed.PaymentToken, time.GetUtcNow()), ct);
        if (request is null)
        {
            return; // Created: it waits for the stock.
        }

        if (request.Status != PaymentRequestStatus.AwaitingOrder || request.Amount is not null)
        {
            LogSkipped(nameof(OrderPlaced), placed.OrderId, request.Status);
            return;
        }

        request.OrderArrived(placed.Total, placed.Currency, placed.PaymentToken, time.GetUtcNow());
        await ChargeAsync(request, ct);
    }

    public async Task HandleAsync(StockReserved integrationEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);

        var reserved = integrationEvent;
        var request = await requests.LockOrCreateAsync(
            () => PaymentRequest.StockReservedFirst(reserved.OrderId, reserved.UserId, time.GetUtcNow()), ct);
        if (request is null)
        {
            return; // Created: it waits for OrderPlaced.
        }

        if (request.Status != PaymentRequestStatus.AwaitingStock)
        {
            LogSkipped(nameof(StockReserved), reserved.OrderId, request.Status);
            return;
        }

        await ChargeAsync(request, ct);
    }

    public async Task HandleAsync(OrderCancelled integrationEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);

        var cancelled = integrationEvent;
        var request = await requests.LockOrCreateAsync(() => PaymentRequest.CancelledFirst(cancelled.OrderId, cancelled.UserId, time.GetUtcNow()), ct);

        // Read after the lock: a capture committed while this waited for it is older, and its refund must come after it.
        var now = time.GetUtcNow();
        switch (request?.Status)
        {
            case null:
                break; // Created as cancelled: nothing that arrives later is charged.
            case PaymentRequestStatus.AwaitingStock or PaymentRequestStatus.AwaitingOrder:
                request.Cancel(now);
                break;
            case PaymentRequestStatus.Captured:
                var capture = await db.Payments.SingleAsync(
                    payment => payment.OrderId == request.OrderId && payment.Status == PaymentStatus.Captured, ct);
                db.Payments.Add(Payment.RefundOf(capture, now));
                request.Refunded(now);
                LogRefunded(request.OrderId, capture.Amount, capture.Currency);
                break;
            default:
                LogSkipped(nameof(OrderCancelled), cancelled.OrderId, request.Status);
                break;
        }
    }

    private async Task ChargeAsync(PaymentRequest request, CancellationToken ct)
    {
        var payment = await recorder.CaptureAsync(
            request.OrderId, request.UserId, request.Amount!.Value, request.Currency!, request.PaymentToken, ct);
        request.Charged(payment, time.GetUtcNow());
        if (payment.Status == PaymentStatus.Captured)
        {
            outbox.Add(new PaymentCaptured(payment.OrderId, payment.Id, payment.Amount, payment.Currency));
        }
        else
        {
            outbox.Add(new PaymentDeclined(payment.OrderId, payment.Reason ?? DeclineReasons.CardDeclined));
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{EventName} for order {OrderId} skipped: its payment is already {Status}")]
    private partial void LogSkipped(string eventName, Guid orderId, PaymentRequestStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} cancelled after capture: refunded {Amount} {Currency}")]
    private partial void LogRefunded(Guid orderId, decimal amount, string currency);
}
