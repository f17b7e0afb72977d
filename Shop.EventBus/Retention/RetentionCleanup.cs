using Microsoft.EntityFrameworkCore;
using Shop.EventBus.Inbox;
using Shop.EventBus.Outbox;

namespace Shop.EventBus.Retention;

/// <summary>
/// Deletes the bus's rows that are past their retention: outbox rows the broker confirmed more than
/// <see cref="MessagingOptions.OutboxRetention"/> ago (pending rows are never touched) and inbox rows older than
/// <see cref="MessagingOptions.InboxRetention"/>. Oldest first, <see cref="MessagingOptions.CleanupBatchSize"/> rows a
/// statement, each statement its own transaction, so a large backlog never holds locks or one long transaction.
/// </summary>
internal static class RetentionCleanup
{
    public static async Task<RetentionResult> RunAsync(DbContext db, MessagingOptions options, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);

        var outbox = 0;
        if (db.Model.FindEntityType(typeof(OutboxMessage)) is not null)
        {
            var cutoff = now - options.OutboxRetention;
            outbox = await DeleteInBatchesAsync(
                token => db.Set<OutboxMessage>().Where(message => message.SentAt < cutoff).OrderBy(message => message.SentAt)
                    .Take(options.CleanupBatchSize).ExecuteDeleteAsync(token),
                options.CleanupBatchSize,
                ct);
        }

        var inbox = 0;
        if (db.Model.FindEntityType(typeof(InboxMessage)) is not null)
        {
            var cutoff = now - options.InboxRetention;
            inbox = await DeleteInBatchesAsync(
                token => db.Set<InboxMessage>().Where(message => message.ProcessedAt < cutoff).OrderBy(message => message.ProcessedAt)
                    .Take(options.CleanupBatchSize).ExecuteDeleteAsync(token),
                options.CleanupBatchSize,
                ct);
        }

        return new RetentionResult(outbox, inbox);
    }

    /// <summary>Runs <paramref name="deleteBatch"/> until a batch comes back short: that one found the last rows.</summary>
    private static async Task<int> DeleteInBatchesAsync(Func<CancellationToken, Task<int>> deleteBatch, int batchSize, CancellationToken ct)
    {
        var total = 0;
        int deleted;
        do
        {
            deleted = await deleteBatch(ct);
            total += deleted;
        }
        while (deleted == batchSize);

        return total;
    }
}
