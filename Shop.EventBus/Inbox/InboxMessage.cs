namespace Shop.EventBus.Inbox;

/// <summary>
/// An event this service has handled, written in the handler's transaction: a redelivered or duplicated event finds
/// its id here and is acknowledged without being handled again.
/// </summary>
public sealed class InboxMessage
{
    public Guid EventId { get; init; }

    public required string Type { get; init; }

    public DateTimeOffset ProcessedAt { get; init; }
}
