namespace Shop.EventBus;

/// <summary>
/// When the bus's housekeeping (deleting outbox and inbox rows past <see cref="MessagingOptions.Retention"/>) is due:
/// at most once per interval, and to one caller only, however many handlers run at the same time.
/// </summary>
internal sealed class RetentionSchedule(TimeSpan interval)
{
    private long _nextTicks;

    /// <summary>The cutoff to delete before, when a clean-up is due now; null otherwise.</summary>
    public DateTimeOffset? DueCutoff(DateTimeOffset now, TimeSpan retention)
    {
        var next = Interlocked.Read(ref _nextTicks);
        var due = now.UtcTicks >= next && Interlocked.CompareExchange(ref _nextTicks, (now + interval).UtcTicks, next) == next;
        return due ? now - retention : null;
    }
}
