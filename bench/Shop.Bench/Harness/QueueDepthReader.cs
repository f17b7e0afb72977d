using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Shop.Bench.Harness;

/// <summary>
/// Messages ready in each consuming service's queue and its dead-letter queue, read with a passive declare as the
/// broker's administrator (a service's own user may see only its own queues). One connection per reading: once a
/// minute, and nothing to keep alive in between.
/// </summary>
public sealed class QueueDepthReader(string administratorConnectionString)
{
    /// <summary>The services that consume events, so have a queue: <c>shop.{service}</c> and <c>shop.{service}.dead-letters</c>.</summary>
    public static readonly IReadOnlyList<string> Consumers = ["orders", "inventory", "payments", "notifications"];

    public static IReadOnlyList<string> Queues { get; } =
        [.. Consumers.SelectMany(service => new[] { $"shop.{service}", DeadLetterQueue(service) })];

    public static string DeadLetterQueue(string service) => $"shop.{service}.dead-letters";

    public static bool IsDeadLetterQueue(string queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        return queue.EndsWith(".dead-letters", StringComparison.Ordinal);
    }

    /// <summary>Each queue's ready messages; null for a queue that does not exist or a broker that does not answer.</summary>
    public async Task<IReadOnlyDictionary<string, long?>> ReadAsync(CancellationToken ct)
    {
        var depths = Queues.ToDictionary(queue => queue, _ => (long?)null);
        try
        {
            var factory = new ConnectionFactory
            {
                Uri = new Uri(administratorConnectionString),
                RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
                AutomaticRecoveryEnabled = false,
                ClientProvidedName = "shop-bench-soak",
            };
            await using var connection = await factory.CreateConnectionAsync(ct);
            foreach (var queue in Queues)
            {
                depths[queue] = await DepthAsync(connection, queue, ct);
            }
        }
        catch (Exception exception) when (exception is BrokerUnreachableException or OperationInterruptedException or IOException)
        {
            // The readings so far stand; the rest stay unknown.
        }

        return depths;
    }

    // A passive declare of a missing queue closes its channel (404), so each queue gets a channel of its own.
    private static async Task<long?> DepthAsync(IConnection connection, string queue, CancellationToken ct)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, ct)).MessageCount;
        }
        catch (OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode == 404)
        {
            return null;
        }
    }
}
