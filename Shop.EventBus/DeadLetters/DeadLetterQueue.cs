using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Shop.EventBus.DeadLetters;

/// <summary>
/// The service's dead-letter queue: messages whose handling failed on every attempt (or that were not events at
/// all), kept with their error until an operator replays them onto the service's queue after a fix.
/// </summary>
[SuppressMessage("Naming", "CA1711", Justification = "It is a RabbitMQ queue.")]
public sealed class DeadLetterQueue(BrokerChannels broker, TimeProvider time, IOptions<MessagingOptions> options)
{
    private readonly MessagingOptions _options = options.Value;

    /// <summary>Publishes a failed delivery to the dead-letter queue, with confirms, before the caller acks it.</summary>
    public async Task AddAsync(BasicDeliverEventArgs delivery, string error, int attempts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);

        var properties = new BasicProperties(delivery.BasicProperties)
        {
            Headers = DeadLetterHeaders.ForFailure(delivery.BasicProperties.Headers, delivery.RoutingKey, error, attempts, time.GetUtcNow()),
            DeliveryMode = DeliveryModes.Persistent,
        };
        // Through the dead-letter queue's own exchange (MessagingTopology), never the default exchange.
        await broker.PublishAsync(_options.DeadLetterQueueName, string.Empty, mandatory: true, properties, delivery.Body, ct);
    }

    /// <summary>Reads up to <paramref name="limit"/> dead letters without removing them.</summary>
    public async Task<IReadOnlyList<DeadLetter>> PeekAsync(int limit, CancellationToken ct)
    {
        var letters = new List<DeadLetter>();
        await using var channel = await broker.Connection.CreateChannelAsync(cancellationToken: ct);
        while (letters.Count < limit && await channel.BasicGetAsync(_options.DeadLetterQueueName, autoAck: false, ct) is { } message)
        {
            var headers = message.BasicProperties.Headers;
            letters.Add(new DeadLetter(
                message.BasicProperties.MessageId,
                message.BasicProperties.Type,
                DeadLetterHeaders.Text(headers, DeadLetterHeaders.Error),
                DeadLetterHeaders.Text(headers, DeadLetterHeaders.FailedAt),
                DeadLetterHeaders.Text(headers, DeadLetterHeaders.Attempts),
                DeadLetterHeaders.Text(headers, DeadLetterHeaders.RoutingKey),
                ReadJson(message.Body)));
        }

        // Closing the channel without acknowledging returns every message read to the queue, in its place.
        await channel.CloseAsync(ct);
        return letters;
    }

    /// <summary>
    /// Moves dead letters (all, or the one with <paramref name="messageId"/>) back onto the service's queue, each
    /// confirmed by the broker before it leaves the dead-letter queue. Handlers see them as fresh deliveries; the
    /// inbox still skips any that were, after all, handled.
    /// </summary>
    public async Task<int> ReplayAsync(string? messageId, CancellationToken ct)
    {
        await using var channel = await broker.Connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);

        // Only what is there now: a replayed message that fails again must not be picked up by this same replay.
        var waiting = await channel.MessageCountAsync(_options.DeadLetterQueueName, ct);
        var replayed = 0;
        for (var read = 0u; read < waiting; read++)
        {
            if (await channel.BasicGetAsync(_options.DeadLetterQueueName, autoAck: false, ct) is not { } message)
            {
                break;
            }

            if (messageId is not null && !string.Equals(message.BasicProperties.MessageId, messageId, StringComparison.Ordinal))
            {
                continue; // Left unacknowledged: it goes back to the dead-letter queue when the channel closes.
            }

            var properties = new BasicProperties(message.BasicProperties)
            {
                Headers = DeadLetterHeaders.ForReplay(message.BasicProperties.Headers, time.GetUtcNow()),
            };
            await channel.BasicPublishAsync(_options.QueueName, string.Empty, mandatory: true, properties, message.Body, ct);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, ct);
            replayed++;
        }

        await channel.CloseAsync(ct);
        return replayed;
    }

    private static JsonElement? ReadJson(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null; // Not JSON: the type and error still say what it was.
        }
    }
}
