using System.Collections.Concurrent;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using Shop.EventBus;
using Shop.Tests.Integration;

namespace Shop.Tests.Saga;

/// <summary>
/// The tests' own connection to the app's RabbitMQ: a tap that records every Shop event, and raw publishing of
/// envelopes, to duplicate real events or inject a poison one as a misbehaving publisher would.
/// </summary>
internal sealed class TestBroker : IAsyncDisposable
{
    public const string Exchange = "shop.events";

    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly ConcurrentQueue<TappedEvent> _tapped = new();

    private TestBroker(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public sealed record TappedEvent(EventEnvelope Envelope, string RoutingKey, ReadOnlyMemory<byte> Body, IReadOnlyBasicProperties Properties);

    public IEnumerable<TappedEvent> Tapped => _tapped;

    /// <summary>Connects and starts tapping every event published from now on.</summary>
    public static async Task<TestBroker> ConnectAsync(ShopApp shop)
    {
        ArgumentNullException.ThrowIfNull(shop);

        var connectionString = await shop.App.GetConnectionStringAsync(ShopResources.Messaging, TestContext.Timeout)
            ?? throw new InvalidOperationException("The messaging resource has no connection string.");
        var factory = new ConnectionFactory { Uri = new Uri(connectionString) };
        var connection = await factory.CreateConnectionAsync(TestContext.Timeout);
        var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), TestContext.Timeout);
        var broker = new TestBroker(connection, channel);

        var tap = await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true, cancellationToken: TestContext.Timeout);
        await channel.QueueBindAsync(tap.QueueName, Exchange, "#", cancellationToken: TestContext.Timeout);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var body = delivery.Body.ToArray();
            if (EventEnvelope.TryParse(body) is { } envelope)
            {
                broker._tapped.Enqueue(new TappedEvent(envelope, delivery.RoutingKey, body, new BasicProperties(delivery.BasicProperties)));
            }

            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(tap.QueueName, autoAck: true, consumer, TestContext.Timeout);
        return broker;
    }

    /// <summary>The tapped events whose payload names <paramref name="orderId"/>.</summary>
    public TappedEvent[] EventsOf(Guid orderId) =>
        [.. _tapped.Where(tapped => tapped.Envelope.Data.TryGetProperty("orderId", out var id) && id.GetGuid() == orderId)];

    /// <summary>Publishes an exact copy (same id, body and properties) of a tapped event to the exchange.</summary>
    public async Task RepublishAsync(TappedEvent tapped)
    {
        ArgumentNullException.ThrowIfNull(tapped);
        await _channel.BasicPublishAsync(
            Exchange, tapped.RoutingKey, mandatory: false, new BasicProperties(tapped.Properties), tapped.Body, TestContext.Timeout);
    }

    /// <summary>Publishes a new event straight to one service's queue, bypassing the exchange and every other service.</summary>
    public async Task<Guid> PublishToQueueAsync<TEvent>(string service, TEvent payload) where TEvent : class
    {
        var envelope = new EventEnvelope(
            Guid.NewGuid(), IntegrationEventType.Of<TEvent>(), DateTimeOffset.UtcNow, null, null,
            JsonSerializer.SerializeToElement(payload, EventJson.Options));
        var properties = new BasicProperties
        {
            MessageId = envelope.Id.ToString(),
            Type = envelope.Type,
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
        };
        await _channel.BasicPublishAsync(
            string.Empty, $"shop.{service}", mandatory: true, properties, envelope.ToUtf8Bytes(), TestContext.Timeout);
        return envelope.Id;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
