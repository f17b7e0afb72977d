using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Shop.Bench.BusPeer;

/// <summary>The peer's own dealings with the broker, outside either bus.</summary>
public static class PeerBroker
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Shop's bus only checks that its exchange exists (the broker's definitions declare <c>shop.events</c>, and no
    /// service may), so the peer declares its own, as those definitions would.
    /// </summary>
    public static async Task DeclareTopicExchangeAsync(string messaging, string exchange, CancellationToken ct)
    {
        await using var connection = await ConnectAsync(messaging, ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: ct);
    }

    /// <summary>
    /// Waits until <paramref name="queue"/> exists with a consumer. Both buses publish without the mandatory flag, so
    /// the broker drops an event published before the consumer has declared and bound its queue: on a fresh broker
    /// the first events of a run were lost that way (34 of 500 in one run).
    /// </summary>
    public static async Task WaitForConsumerAsync(string messaging, string queue, CancellationToken ct)
    {
        await using var connection = await ConnectAsync(messaging, ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(Patience);
        while (true)
        {
            // A failed passive declare closes its channel, so each attempt takes a new one.
            await using var channel = await connection.CreateChannelAsync(cancellationToken: deadline.Token);
            try
            {
                if ((await channel.QueueDeclarePassiveAsync(queue, deadline.Token)).ConsumerCount > 0)
                {
                    return;
                }
            }
            catch (OperationInterruptedException)
            {
                // Not declared yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
        }
    }

    private static Task<IConnection> ConnectAsync(string messaging, CancellationToken ct) =>
        new ConnectionFactory { Uri = new Uri(messaging) }.CreateConnectionAsync(ct);
}
