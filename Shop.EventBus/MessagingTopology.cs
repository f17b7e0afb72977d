using RabbitMQ.Client;

namespace Shop.EventBus;

/// <summary>
/// Declares, idempotently, the exchange, the service's durable queue bound to the event types it handles, and its
/// dead-letter queue. Re-running it with the same options changes nothing; a new handler adds a binding.
/// </summary>
internal static class MessagingTopology
{
    public static async Task DeclareAsync(IChannel channel, MessagingOptions options, IEnumerable<string> eventTypes, CancellationToken ct)
    {
        await channel.ExchangeDeclareAsync(options.Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: ct);
        await channel.QueueDeclareAsync(options.QueueName, durable: true, exclusive: false, autoDelete: false, cancellationToken: ct);
        await channel.QueueDeclareAsync(options.DeadLetterQueueName, durable: true, exclusive: false, autoDelete: false, cancellationToken: ct);
        foreach (var eventType in eventTypes)
        {
            await channel.QueueBindAsync(options.QueueName, options.Exchange, eventType, cancellationToken: ct);
        }
    }
}
