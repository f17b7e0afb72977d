namespace Shop.EventBus.Consuming;

/// <summary>Runs one delivery of an event through its handler, exactly once per event id.</summary>
public interface IEventProcessor
{
    /// <summary>Completes once the service's database schema (and so its inbox) exists.</summary>
    Task WhenReadyAsync(CancellationToken ct);

    /// <summary>Handles the event; false when it had been handled before (a duplicate) and nothing was done.</summary>
    Task<bool> ProcessAsync(EventEnvelope envelope, EventSubscription subscription, CancellationToken ct);

    /// <summary>
    /// Runs the inbox's own steps for <paramref name="envelope"/> without a handler and rolls them back, so the first
    /// delivery finds them compiled (see <see cref="InboxWarmUp"/>). Leaves nothing behind.
    /// </summary>
    Task WarmUpAsync(EventEnvelope envelope, CancellationToken ct);
}
