using RabbitMQ.Client;

namespace Shop.Bench.BusPeer.ShopBus;

/// <summary>
/// Shop's bus only checks that its exchange exists (the broker's definitions declare <c>shop.events</c>, and no
/// service may), so the peer declares its own, as those definitions would.
/// </summary>
public static class ShopBusExchange
{
    public static async Task DeclareAsync(string messaging, string exchange, CancellationToken ct)
    {
        var factory = new ConnectionFactory { Uri = new Uri(messaging) };
        await using var connection = await factory.CreateConnectionAsync(ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: ct);
    }
}
