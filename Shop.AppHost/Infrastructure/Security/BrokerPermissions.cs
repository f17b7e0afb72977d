using System.Text.RegularExpressions;

namespace Shop.AppHost.Infrastructure.Security;

/// <summary>
/// A service's RabbitMQ permissions on the one virtual host, as the three regexes RabbitMQ matches against resource
/// names (docs/security.md). RabbitMQ checks: declaring or deleting a queue or exchange needs <c>configure</c> on it;
/// publishing needs <c>write</c> on the exchange; consuming and <c>basic.get</c> need <c>read</c> on the queue; binding
/// a queue needs <c>write</c> on the queue and <c>read</c> on the exchange.
/// </summary>
/// <param name="Configure">The service's queue, its dead-letter queue, and the fanout exchanges named after them
/// (replaying and dead-lettering publish through those, never through the default exchange, which would reach every
/// queue). Not <c>shop.events</c>: the broker's definitions create it, and a service could otherwise delete it.</param>
/// <param name="Write">Publishing to <c>shop.events</c> and to its own two exchanges; binding its own queues.</param>
/// <param name="Read">Consuming its own queues; binding them to <c>shop.events</c> and to its own exchanges.</param>
public sealed record BrokerPermissions(string Configure, string Write, string Read)
{
    public const string EventsExchange = "shop.events";

    public static BrokerPermissions For(string service)
    {
        var queue = Regex.Escape($"shop.{service}");
        var own = $"{queue}|{queue}\\.dead-letters";
        return new BrokerPermissions($"^({own})$", $"^({Regex.Escape(EventsExchange)}|{own})$", $"^({Regex.Escape(EventsExchange)}|{own})$");
    }
}
