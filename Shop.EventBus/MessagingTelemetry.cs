using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Shop.EventBus;

/// <summary>
/// Spans and metrics of the event bus. Spans follow OpenTelemetry's messaging conventions; the process span is a
/// child of the send span, which is a child of whatever wrote the event to the outbox, so one trace follows an order
/// through every service.
/// </summary>
public sealed class MessagingTelemetry : IDisposable
{
    public const string Name = "Shop.Messaging";
    private const string EventTypeTag = "event.type";

    private readonly ActivitySource _activitySource = new(Name);
    private readonly Meter _meter = new(Name);
    private readonly Counter<long> _published;
    private readonly Counter<long> _consumed;
    private readonly Counter<long> _retried;
    private readonly Counter<long> _deadLettered;
    private long _outboxBacklog;

    public MessagingTelemetry()
    {
        _published = _meter.CreateCounter<long>("shop.messaging.published", "{event}", "Events published to the broker, with confirms.");
        _consumed = _meter.CreateCounter<long>("shop.messaging.consumed", "{event}", "Events handled, or skipped as duplicates (outcome).");
        _retried = _meter.CreateCounter<long>("shop.messaging.retried", "{event}", "Failed handling attempts that were retried.");
        _deadLettered = _meter.CreateCounter<long>("shop.messaging.dead_lettered", "{event}", "Events moved to the dead-letter queue.");
        _meter.CreateObservableGauge(
            "shop.messaging.outbox.backlog", () => Volatile.Read(ref _outboxBacklog), "{event}", "Outbox events not yet published.");
    }

    public Activity? StartSend(string exchange, string eventType, Guid eventId, ActivityContext parent)
    {
        var activity = _activitySource.StartActivity($"send {eventType}", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.system", "rabbitmq")
            .SetTag("messaging.operation.type", "send")
            .SetTag("messaging.operation.name", "publish")
            .SetTag("messaging.destination.name", exchange)
            .SetTag("messaging.rabbitmq.destination.routing_key", eventType)
            .SetTag("messaging.message.id", eventId.ToString());
        return activity;
    }

    public Activity? StartProcess(string queue, EventEnvelope envelope, int bodySize, bool redelivered)
    {
        ActivityContext.TryParse(envelope.TraceParent, envelope.TraceState, isRemote: true, out var parent);
        var activity = _activitySource.StartActivity($"process {envelope.Type}", ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.system", "rabbitmq")
            .SetTag("messaging.operation.type", "process")
            .SetTag("messaging.operation.name", "deliver")
            .SetTag("messaging.destination.name", queue)
            .SetTag("messaging.rabbitmq.destination.routing_key", envelope.Type)
            .SetTag("messaging.message.id", envelope.Id.ToString())
            .SetTag("messaging.message.body.size", bodySize)
            .SetTag("messaging.rabbitmq.message.redelivered", redelivered);
        return activity;
    }

    public void Published(string eventType) => _published.Add(1, new KeyValuePair<string, object?>(EventTypeTag, eventType));

    public void Consumed(string eventType, bool duplicate) => _consumed.Add(
        1, new KeyValuePair<string, object?>(EventTypeTag, eventType), new KeyValuePair<string, object?>("outcome", duplicate ? "duplicate" : "handled"));

    public void Retried(string eventType) => _retried.Add(1, new KeyValuePair<string, object?>(EventTypeTag, eventType));

    public void DeadLettered(string eventType) => _deadLettered.Add(1, new KeyValuePair<string, object?>(EventTypeTag, eventType));

    public void OutboxBacklog(long pending) => Volatile.Write(ref _outboxBacklog, pending);

    public void Dispose()
    {
        _activitySource.Dispose();
        _meter.Dispose();
    }
}
