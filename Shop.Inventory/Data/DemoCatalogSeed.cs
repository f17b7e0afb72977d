using Microsoft.EntityFrameworkCore;

namespace Shop.Inventory.Data;

/// <summary>
/// Fills an empty catalog with <see cref="DemoCatalog"/> right after migrations, before the service reports ready.
/// Replicas starting together take turns (the migrator migrates and seeds under a lock), so only the first finds it empty.
/// </summary>
internal static partial class DemoCatalogSeed
{
    public static async Task ApplyAsync(IServiceProvider services, InventoryDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Products.AnyAsync(cancellationToken))
        {
            return;
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoCatalogSeed));
        var products = DemoCatalog.Create();
        db.Products.AddRange(products);
        await db.SaveChangesAsync(cancellationToken);
        LogSeeded(logger, products.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the empty catalog with {Count} demo products")]
    private static partial void LogSeeded(ILogger logger, int count);
}
