using Microsoft.EntityFrameworkCore;
using Wolverine.EntityFrameworkCore;

namespace Shop.Bench.BusPeer.WolverineBus;

/// <summary>The same table, with Wolverine's envelope storage mapped so its outbox rows join the context's transaction.</summary>
public sealed class WolverineBusDbContext(DbContextOptions<WolverineBusDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddReceiptsTable();
        modelBuilder.MapWolverineEnvelopeStorage(WolverineBusPeer.Schema);
    }
}
