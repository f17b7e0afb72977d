namespace Shop.EventBus;

/// <summary>
/// Exponential backoff: <c>baseDelay × 2^(attempt − 1)</c>, capped at <c>maxDelay</c>, with up to 20 % taken off at
/// random so replicas retrying the same failure do not hit the database in lockstep.
/// </summary>
public sealed class RetrySchedule(TimeSpan baseDelay, TimeSpan maxDelay)
{
    private const double MaxJitter = 0.2;

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based); <paramref name="jitter"/> is in [0, 1).</summary>
    public TimeSpan DelayAfter(int attempt, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempt);
        ArgumentOutOfRangeException.ThrowIfNegative(jitter);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(jitter, 1);

        // Past 2^30 the cap has long been reached; the exponent is bounded so the multiplication cannot overflow.
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (1 - (MaxJitter * jitter)));
    }

    public TimeSpan DelayAfter(int attempt) => DelayAfter(attempt, Random.Shared.NextDouble());
}
