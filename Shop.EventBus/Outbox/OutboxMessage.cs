namespace Shop.EventBus.Outbox;

/// <summary>
/// An event written in the same transaction as the state change it reports, waiting for the relay to publish it.
/// <see cref="Sequence"/> is the commit-independent write order the relay publishes in.
/// </summary>
public sealed class OutboxMessage
{
    public long Sequence { get; private set; }

    public Guid Id { get; init; }

    public required string Type { get; init; }

    /// <summary>The event's JSON payload.</summary>
    public required string Payload { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>The W3C trace context of the work that wrote the event, continued by its send span.</summary>
    public string? TraceParent { get; init; }

    public string? TraceState { get; init; }

    public DateTimeOffset? SentAt { get; set; }
}
