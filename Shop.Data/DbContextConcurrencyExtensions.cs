namespace Microsoft.EntityFrameworkCore;

public static class DbContextConcurrencyExtensions
{
    /// <summary>
    /// Runs <paramref name="attempt"/> (read, change, save) again from a clean change tracker when its save loses an
    /// optimistic-concurrency race (a concurrency token such as PostgreSQL's <c>xmin</c> changed meanwhile), at most
    /// <paramref name="maxAttempts"/> times; then answers <paramref name="stillConflicting"/>.
    /// </summary>
    public static async Task<TResult> RetryOnConcurrencyConflictAsync<TResult>(
        this DbContext db,
        int maxAttempts,
        Func<CancellationToken, Task<TResult>> attempt,
        Func<TResult> stillConflicting,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(stillConflicting);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxAttempts);

        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt(ct);
            }
            catch (DbUpdateConcurrencyException) when (number < maxAttempts)
            {
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateConcurrencyException)
            {
                return stillConflicting();
            }
        }
    }
}
