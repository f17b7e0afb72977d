using System.Text;
using RabbitMQ.Client;

namespace Shop.EventBus.Outbox;

/// <summary>The AMQP properties every published event carries: persistent, JSON, its id and wire type.</summary>
internal static class EventProperties
{
    public static BasicProperties Create(Guid id, string type, DateTimeOffset occurredAt) => new()
    {
        MessageId = id.ToString(),
        Type = type,
        ContentType = "application/json",
        ContentEncoding = Encoding.UTF8.WebName,
        DeliveryMode = DeliveryModes.Persistent,
        Timestamp = new AmqpTimestamp(occurredAt.ToUnixTimeSeconds()),
    };
}
