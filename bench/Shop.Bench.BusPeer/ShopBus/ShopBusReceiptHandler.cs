using Shop.EventBus.Consuming;

namespace Shop.Bench.BusPeer.ShopBus;

/// <summary>Adds the receipt; the bus commits it with the inbox record, as it does a service handler's changes.</summary>
public sealed class ShopBusReceiptHandler(ShopBusDbContext db) : IIntegrationEventHandler<PeerEvent>
{
    public Task HandleAsync(PeerEvent integrationEvent, CancellationToken ct)
    {
        db.Add(Receipt.For(integrationEvent));
        return Task.CompletedTask;
    }
}
