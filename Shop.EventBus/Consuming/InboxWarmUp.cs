using System.Text.Json;
using Shop.ServiceDefaults.WarmUp;

namespace Shop.EventBus.Consuming;

/// <summary>
/// The consuming side's own work, once, before the service reports ready: reading an envelope, each subscribed event
/// type's JSON contract, and the inbox's duplicate check, record and save in a transaction that is rolled back.
/// Otherwise the first order's events meet all of it cold in every consuming service at once (measured: 60-210
/// methods compiled per service while the first order was answered), on the CPU that order's requests need. The
/// handlers are not run: their effects reach beyond the database.
/// </summary>
internal sealed class InboxWarmUp(IEventProcessor processor, IEnumerable<EventSubscription> subscriptions, TimeProvider time) : IWarmUp
{
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        using var payload = JsonDocument.Parse("{}");
        var sample = new EventEnvelope(Guid.NewGuid(), "warm-up", time.GetUtcNow(), TraceParent: null, TraceState: null, payload.RootElement);
        var envelope = EventEnvelope.TryParse(sample.ToUtf8Bytes())
            ?? throw new InvalidOperationException("The warm-up envelope does not read back.");
        foreach (var subscription in subscriptions)
        {
            EventJson.Options.GetTypeInfo(subscription.EventType);
        }

        await processor.WarmUpAsync(envelope, cancellationToken);
    }
}
