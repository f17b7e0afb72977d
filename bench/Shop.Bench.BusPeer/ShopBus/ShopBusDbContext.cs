using Microsoft.EntityFrameworkCore;

namespace Shop.Bench.BusPeer.ShopBus;

/// <summary>As a Shop service's context: its own table beside the bus's outbox and inbox.</summary>
public sealed class ShopBusDbContext(DbContextOptions<ShopBusDbContext> options) : DbContext(options)
{
    public const string ConnectionName = "peerdb";

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.AddReceiptsTable().AddOutboxTable().AddInboxTable();
}
