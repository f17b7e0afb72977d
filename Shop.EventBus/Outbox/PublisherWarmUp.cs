using Shop.ServiceDefaults.WarmUp;

namespace Shop.EventBus.Outbox;

/// <summary>
/// Opens the broker connection and the confirming publisher channel before the service reports ready: otherwise the
/// first event's publish opens them (round trips to the broker and the client's first run) on the CPU the first
/// request's answer needs.
/// </summary>
internal sealed class PublisherWarmUp(BrokerChannels channels) : IWarmUp
{
    public Task WarmUpAsync(CancellationToken cancellationToken) => channels.OpenPublisherAsync(cancellationToken);
}
