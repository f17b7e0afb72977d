using Microsoft.EntityFrameworkCore;

namespace Shop.Data;

/// <summary>
/// Replicas start together and migrate and seed the same database. Under this lock they take turns, so the second one
/// finds the schema and the data in place and does nothing. Without it both created the history table and the tables
/// at once, and one failed ("relation already exists", a unique index on the seed): harmless after a retry, but logged
/// at Error by PostgreSQL and EF Core on every first start. A session lock on the context's own connection, which EF
/// Core then uses for the migration; closing the connection releases it too.
/// </summary>
internal sealed class MigrationLock : IAsyncDisposable
{
    // Any constant works: each service has its own database. It only has to differ from other advisory locks there.
    private const long Key = 0x5348_4F50_4D49_4752; // "SHOPMIGR"

    private readonly DbContext _context;

    private MigrationLock(DbContext context) => _context = context;

    public static async Task<MigrationLock> AcquireAsync(DbContext context, CancellationToken ct)
    {
        await context.Database.OpenConnectionAsync(ct);
        try
        {
            await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({Key})", ct);
        }
        catch
        {
            await context.Database.CloseConnectionAsync();
            throw;
        }

        return new MigrationLock(context);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _context.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({Key})");
        }
        finally
        {
            await _context.Database.CloseConnectionAsync();
        }
    }
}
