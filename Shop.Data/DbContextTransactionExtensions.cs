using Microsoft.EntityFrameworkCore.Storage;

namespace Microsoft.EntityFrameworkCore;

public static class DbContextTransactionExtensions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one database transaction under the context's execution strategy, which retries
    /// it whole after a transient failure (so it starts from an empty change tracker each time). <paramref name="work"/>
    /// commits; returning without a commit rolls back. The transaction commits or rolls back as one, so EF Core's
    /// automatic savepoint around each SaveChanges is turned off: it would only cost round trips (bench/README.md).
    /// </summary>
    public static Task<TResult> InTransactionAsync<TResult>(
        this DbContext db, Func<IDbContextTransaction, CancellationToken, Task<TResult>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);

        return db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            return await work(transaction, token);
        }, ct);
    }
}
