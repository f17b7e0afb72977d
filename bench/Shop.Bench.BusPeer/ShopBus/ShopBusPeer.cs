using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shop.Data;
using Shop.EventBus.Outbox;

namespace Shop.Bench.BusPeer.ShopBus;

/// <summary>
/// Shop's bus configured as a service configures it (<c>AddShopDbContext</c>, <c>AddEventBus</c> with the outbox and
/// one subscription, its defaults for prefetch, concurrency and batches), on an exchange and queue of its own.
/// </summary>
public sealed class ShopBusPeer(IHost host) : IPeerBus
{
    public const string Exchange = "bench.peer.shop";

    private const string ServiceName = "bench-peer";

    /// <summary>The queue Shop's bus names after the service: <c>shop.{ServiceName}</c>.</summary>
    public string Queue => $"shop.{ServiceName}";

    public static async Task<ShopBusPeer> StartAsync(PeerArguments arguments, CancellationToken ct)
    {
        await PeerBroker.DeclareTopicExchangeAsync(arguments.Messaging, Exchange, ct);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "Shop.Bench.BusPeer" });
        builder.Logging.ClearProviders().ToStandardError();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{ShopBusDbContext.ConnectionName}"] = arguments.DatabaseConnectionString,
            [$"ConnectionStrings:{MessagingExtensions.ConnectionName}"] = arguments.Messaging,
            ["Messaging:ServiceName"] = ServiceName,
            ["Messaging:Exchange"] = Exchange,
        });
        builder.AddShopDbContext<ShopBusDbContext>(ShopBusDbContext.ConnectionName);
        builder.AddEventBus<ShopBusDbContext>().AddOutbox().Subscribe<ShopBusReceiptHandler>();
        // The peer's schema comes from EnsureCreated, not migrations; the bus's background work waits for this status.
        builder.Services.AddSingleton<DatabaseMigrationStatus<ShopBusDbContext>>();
        // What AddServiceDefaults would give; the rest of it (telemetry, health endpoints) the Wolverine peer lacks too.
        builder.Services.AddSingleton(TimeProvider.System);
        var host = builder.Build();

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ShopBusDbContext>().Database.EnsureCreatedAsync(ct);
        }

        host.Services.GetRequiredService<DatabaseMigrationStatus<ShopBusDbContext>>().MarkApplied();

        await host.StartAsync(ct);
        return new ShopBusPeer(host);
    }

    public async Task PublishAsync(PeerEvent peerEvent, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IOutbox>().Add(peerEvent);
        await scope.ServiceProvider.GetRequiredService<ShopBusDbContext>().SaveChangesAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
