using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Shop.EventBus;
using Shop.EventBus.Outbox;
using Shop.EventBus.Retention;

namespace Microsoft.Extensions.Hosting;

public static class MessagingExtensions
{
    /// <summary>The AppHost's name for the RabbitMQ resource, and so the connection string every service reads.</summary>
    public const string ConnectionName = "messaging";

    /// <summary>
    /// Connects the service to the Shop event bus over RabbitMQ, keeping its outbox and inbox in
    /// <typeparamref name="TContext"/>. Services never use RabbitMQ.Client directly: they publish through
    /// <see cref="IOutbox"/> and consume through handlers added with the returned builder.
    /// </summary>
    public static EventBusBuilder<TContext> AddEventBus<TContext>(this IHostApplicationBuilder builder)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);

        string? connectionString = null;
        builder.AddRabbitMQClient(
            ConnectionName,
            settings =>
            {
                connectionString = settings.ConnectionString;
                // The bus traces publish and process itself, carrying the context in the event envelope.
                settings.DisableTracing = true;
                // Connect on first use, not at startup: a service must start, and fill its outbox, while the broker is down.
                settings.DisableAutoActivation = true;
            },
            factory =>
            {
                factory.ClientProvidedName = builder.Environment.ApplicationName;
                factory.NetworkRecoveryInterval = TimeSpan.FromSeconds(2);
            });
        // Connecting on first use would otherwise leave a missing connection string unnoticed until then.
        builder.Services.RequireSetting($"ConnectionStrings:{ConnectionName}", connectionString);

        var defaultServiceName = DefaultServiceName(builder.Environment.ApplicationName);
        builder.Services.AddValidatedSettings<MessagingOptions>(MessagingOptions.SectionName)
            .PostConfigure(options => options.ServiceName = string.IsNullOrWhiteSpace(options.ServiceName) ? defaultServiceName : options.ServiceName);

        builder.Services.TryAddSingleton<MessagingTelemetry>();
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(MessagingTelemetry.Name))
            .WithMetrics(metrics => metrics.AddMeter(MessagingTelemetry.Name));
        builder.Services.TryAddSingleton<BrokerChannels>();
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.AddHostedService<RetentionService<TContext>>();

        return new EventBusBuilder<TContext>(builder);
    }

    /// <summary>"Shop.Orders" → "orders".</summary>
    private static string DefaultServiceName(string applicationName) =>
        applicationName[(applicationName.LastIndexOf('.') + 1)..].ToLowerInvariant();
}
