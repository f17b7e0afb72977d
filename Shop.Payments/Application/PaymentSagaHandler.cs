using Microsoft.EntityFrameworkCore;
using Shop.EventBus.Consuming;
using Shop.EventBus.Outbox;
using Shop.IntegrationEvents;
using Shop.Payments.Data;
using Shop.Payments.Domain;

namespace Shop.Payments.Application;

/// <summary>
/// Payments' part of the saga: learns what to charge from OrderPlaced, charges once inventory reserved the stock,
/// and refunds a capture when the order is cancelled. The order's payment request is locked for each step, so a
/// charge and a cancellation of the same order never interleave: either the charge is skipped or it is refunded.
/// </summary>
internal sealed partial class PaymentSagaHandler(
    PaymentsDbContext db, PaymentRecorder recorder, IOutbox outbox, TimeProvider time, ILogger<PaymentSagaHandler> logger) :
    IIntegrationEventHandler<OrderPlaced>,
    IIntegrationEventHandler<StockReserved>,
    IIntegrationEventHandler<OrderCancelled>
{
    public async Task HandleAsync(OrderPlaced integrationEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);

        if (await db.PaymentRequests.AnyAsync(request => request.OrderId == integrationEvent.OrderId, ct))
        {
            return;
        }

        db.PaymentRequests.Add(PaymentRequest.Create(
            integrationEvent.OrderId,
            integrationEvent.UserId,
            integrationEvent.Total,
            integrationEvent.Currency,
            integrationEvent.PaymentToken,
            time.GetUtcNow()));
    }

    public async Task HandleAsync(StockReserved integrationEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);

        var request = await LockRequestAsync(integrationEvent.OrderId, ct);
        if (request.Status != PaymentRequestStatus.AwaitingStock)
        {
            LogSkipped(nameof(StockReserved), integrationEvent.OrderId, request.Status);
            return;
        }

        var payment = await recorder.CaptureAsync(
            request.OrderId, request.UserId, request.Amount, request.Currency, request.PaymentToken, ct);
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

    public async Task HandleAsync(OrderCancelled integrationEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);

        var request = await LockRequestAsync(integrationEvent.OrderId, ct);
        var now = time.GetUtcNow();
        switch (request.Status)
        {
            case PaymentRequestStatus.AwaitingStock:
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
                LogSkipped(nameof(OrderCancelled), integrationEvent.OrderId, request.Status);
                break;
        }
    }

    /// <summary>
    /// The order's payment request, locked for the transaction. OrderPlaced always comes before the events that
    /// follow it, but it may not have been handled yet (a retry in flight): throwing retries this event after it.
    /// </summary>
    private async Task<PaymentRequest> LockRequestAsync(Guid orderId, CancellationToken ct) =>
        await db.PaymentRequests
            .FromSql($"""SELECT * FROM "PaymentRequests" WHERE "OrderId" = {orderId} FOR UPDATE""")
            .SingleOrDefaultAsync(ct)
        ?? throw new InvalidOperationException($"No payment request for order {orderId}: its OrderPlaced has not been handled yet.");

    [LoggerMessage(Level = LogLevel.Information, Message = "{EventName} for order {OrderId} skipped: its payment is already {Status}")]
    private partial void LogSkipped(string eventName, Guid orderId, PaymentRequestStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} cancelled after capture: refunded {Amount} {Currency}")]
    private partial void LogRefunded(Guid orderId, decimal amount, string currency);
}
