namespace Shop.Bench.BusPeer;

/// <summary>A started bus with its handler listening: publishes one event in its own committed unit of work.</summary>
public interface IPeerBus : IAsyncDisposable
{
    /// <summary>The queue the bus's handler consumes from.</summary>
    string Queue { get; }

    Task PublishAsync(PeerEvent peerEvent, CancellationToken ct);
}
