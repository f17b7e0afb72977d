using Microsoft.EntityFrameworkCore;

namespace Shop.Inventory.Data;

/// <summary>
/// Fills an empty catalog with <see cref="DemoCatalog"/> right after migrations, before the service reports ready.
/// Replicas starting together may both try; the unique sku index lets exactly one succeed.
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
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            LogSeeded(logger, products.Count);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            LogSeededElsewhere(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the empty catalog with {Count} demo products")]
    private static partial void LogSeeded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo catalog not seeded here: another instance seeded it first")]
    private static partial void LogSeededElsewhere(ILogger logger);
}
