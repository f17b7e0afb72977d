using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class MessagingExtensions
{
    /// <summary>The AppHost's name for the RabbitMQ resource, and so the connection string every service reads.</summary>
    public const string ConnectionName = "messaging";

    /// <summary>
    /// Connects the service to the Shop broker (connection, health check and tracing come from Aspire.RabbitMQ.Client).
    /// This is the one place services get RabbitMQ from; the event bus built on it lives beside this file.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.AddRabbitMQClient(ConnectionName);
        return builder;
    }
}
