namespace Shop.EventBus.Consuming;

/// <summary>Runs one delivery of an event through its handler, exactly once per event id.</summary>
public interface IEventProcessor
{
    /// <summary>Completes once the service's database schema (and so its inbox) exists.</summary>
    Task WhenReadyAsync(CancellationToken ct);

    /// <summary>Handles the event; false when it had been handled before (a duplicate) and nothing was done.</summary>
    Task<bool> ProcessAsync(EventEnvelope envelope, EventSubscription subscription, CancellationToken ct);
}
