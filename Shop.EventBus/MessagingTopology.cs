using RabbitMQ.Client;

namespace Shop.EventBus;

/// <summary>
/// Declares, idempotently, the service's durable queue bound to the event types it handles, and its dead-letter
/// queue; re-running it with the same options changes nothing, and a new handler adds a binding. The service's user
/// may configure only its own queues (docs/security.md): <c>shop.events</c> comes from the broker's definitions and is
/// only checked here. Each queue gets a fanout exchange of its own name, bound to it, so dead-lettering and replay
/// publish to one queue without the default exchange, through which any queue could be reached.
/// </summary>
internal static class MessagingTopology
{
    public static async Task DeclareAsync(IChannel channel, MessagingOptions options, IEnumerable<string> eventTypes, CancellationToken ct)
    {
        await channel.ExchangeDeclarePassiveAsync(options.Exchange, ct);
        await DeclareQueueWithOwnExchangeAsync(channel, options.QueueName, ct);
        await DeclareQueueWithOwnExchangeAsync(channel, options.DeadLetterQueueName, ct);
        foreach (var eventType in eventTypes)
        {
            await channel.QueueBindAsync(options.QueueName, options.Exchange, eventType, cancellationToken: ct);
        }
    }

    private static async Task DeclareQueueWithOwnExchangeAsync(IChannel channel, string queue, CancellationToken ct)
    {
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: ct);
        await channel.ExchangeDeclareAsync(queue, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct);
        await channel.QueueBindAsync(queue, queue, routingKey: string.Empty, cancellationToken: ct);
    }
}
