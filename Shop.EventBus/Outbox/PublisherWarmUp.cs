using Microsoft.Extensions.Options;
using Shop.ServiceDefaults.WarmUp;

namespace Shop.EventBus.Outbox;

/// <summary>
/// Opens the broker connection and the confirming publisher channel before the service reports ready, and publishes
/// one persistent message that no queue is bound to (the broker confirms and drops it): otherwise the first event's
/// publish opens them and runs the client's publishing code for the first time (measured: about 75 methods compiled
/// in orders while the first order was answered) on the CPU the first request's answer needs.
/// </summary>
internal sealed class PublisherWarmUp(BrokerChannels channels, IOptions<MessagingOptions> options, TimeProvider time) : IWarmUp
{
    /// <summary>Bound by no queue: the event types are the only routing keys the topology binds.</summary>
    public const string UnroutedRoutingKey = "shop.warm-up.unrouted";

    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        var properties = EventProperties.Create(Guid.NewGuid(), UnroutedRoutingKey, time.GetUtcNow());
        await channels.PublishAsync(options.Value.Exchange, UnroutedRoutingKey, mandatory: false, properties, "{}"u8.ToArray(), cancellationToken);
    }
}
