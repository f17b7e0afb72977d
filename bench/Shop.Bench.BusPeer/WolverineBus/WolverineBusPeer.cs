using JasperFx.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Wolverine;
using Wolverine.EntityFrameworkCore;
using Wolverine.Postgresql;
using Wolverine.RabbitMQ;

namespace Shop.Bench.BusPeer.WolverineBus;

/// <summary>
/// Wolverine configured for Shop's guarantees: a durable outbox in the publisher's EF Core transaction and a durable
/// inbox committed with the handler's changes, both on the same PostgreSQL database; a topic exchange bound to one
/// queue on the same broker; publisher confirms; the same prefetch (32) and handler concurrency (4) as Shop's bus.
/// Everything else is Wolverine's default, as a team adopting it would start (durability mode Balanced, which lets
/// several instances share the stores, as Shop's bus does).
/// </summary>
public sealed class WolverineBusPeer(IHost host) : IPeerBus
{
    public const string Schema = "wolverine";

    public const string Exchange = "bench.peer.wolverine";

    public const string QueueName = "bench.peer.wolverine";

    public string Queue => QueueName;

    public static async Task<WolverineBusPeer> StartAsync(PeerArguments arguments, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "Shop.Bench.BusPeer" });
        builder.Logging.ClearProviders().ToStandardError();
        builder.Services.AddDbContextWithWolverineIntegration<WolverineBusDbContext>(
            options => options.UseNpgsql(arguments.DatabaseConnectionString));
        builder.UseWolverine(options =>
        {
            options.UseRuntimeCompilation();
            options.Discovery.DisableConventionalDiscovery().IncludeType(typeof(WolverineReceiptHandler));
            options.PersistMessagesWithPostgresql(arguments.DatabaseConnectionString, Schema);
            options.UseEntityFrameworkCoreTransactions();
            options.Policies.AutoApplyTransactions();
            options.UseRabbitMq(new Uri(arguments.Messaging))
                .AutoProvision()
                .ConfigureChannelCreation(channel =>
                {
                    channel.PublisherConfirmationsEnabled = true;
                    channel.PublisherConfirmationTrackingEnabled = true;
                })
                .DeclareExchange(Exchange, exchange =>
                {
                    exchange.ExchangeType = ExchangeType.Topic;
                    exchange.BindQueue(QueueName, "#");
                });
            options.PublishMessage<PeerEvent>().ToRabbitExchange(Exchange).UseDurableOutbox();
            options.ListenToRabbitQueue(QueueName).PreFetchCount(32).MaximumParallelMessages(4).UseDurableInbox();
        });
        builder.Services.AddResourceSetupOnStartup();
        // The telemetry Shop's peer gets from AddShopDbContext and AddEventBus (traces and metrics of the bus, Npgsql
        // and EF Core, exported nowhere here), so that neither bus pays for instrumentation the other skips.
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource("Wolverine", "Npgsql"))
            .WithMetrics(metrics => metrics.AddMeter("Wolverine", "Npgsql", "Microsoft.EntityFrameworkCore"));
        var host = builder.Build();

        // Wolverine creates its own tables on start; EF Core's EnsureCreated would create them too, from the mapping.
        await PeerDatabase.ExecuteAsync(arguments.DatabaseConnectionString, ReceiptModel.CreateTableSql, ct);
        await host.StartAsync(ct);
        return new WolverineBusPeer(host);
    }

    public async Task PublishAsync(PeerEvent peerEvent, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IDbContextOutbox<WolverineBusDbContext>>();
        await outbox.PublishAsync(peerEvent);
        await outbox.SaveChangesAndFlushMessagesAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
