namespace Shop.Bench.Harness;

/// <summary>
/// Follows accepted orders to their final state. The completion time is the order's own <c>updatedAt</c> at its final
/// status minus the moment the client sent the POST: client and services share this machine's clock, so no polling
/// interval blurs the figure.
/// </summary>
public static class OrderCompletion
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    // Looking must not become the load: a few lookups at a time, like a handful of clients refreshing a page.
    private const int ConcurrentLookups = 16;

    /// <summary>Follows the accepted ones among <paramref name="attempts"/> until each is final, or stuck or lost.</summary>
    public static async Task<OrderOutcomes> FollowAsync(ShopClient client, IReadOnlyList<OrderAttempt> attempts, CancellationToken ct)
    {
        var accepted = attempts.Where(attempt => attempt.OrderId is not null).ToList();
        var finished = await WaitAsync(client, accepted, ct);
        return new OrderOutcomes(attempts, accepted, finished);
    }

    private static async Task<IReadOnlyList<CompletedOrder>> WaitAsync(ShopClient client, List<OrderAttempt> accepted, CancellationToken ct)
    {
        using var lookups = new SemaphoreSlim(ConcurrentLookups);
        var pending = accepted.ToList();
        var done = new List<CompletedOrder>(accepted.Count);
        var deadline = DateTimeOffset.UtcNow + BenchSettings.CompletionPatience;
        while (pending.Count > 0)
        {
            var states = await Task.WhenAll(pending.Select(async attempt =>
            {
                await lookups.WaitAsync(ct);
                try
                {
                    return (attempt, state: await client.OrderAsync(attempt.CustomerToken, attempt.OrderId!.Value, ct));
                }
                finally
                {
                    lookups.Release();
                }
            }));
            pending.Clear();
            foreach (var (attempt, state) in states)
            {
                if (state.IsFinal)
                {
                    done.Add(new CompletedOrder(attempt, state.Status, state.UpdatedAt - attempt.SentAt, state.UpdatedAt));
                }
                else if (DateTimeOffset.UtcNow < deadline)
                {
                    pending.Add(attempt);
                }
                else
                {
                    // Lost (unknown) or stuck (never final, or never answered) within the patience given.
                    done.Add(new CompletedOrder(attempt, state.Status, null, null));
                }
            }

            if (pending.Count > 0)
            {
                await Task.Delay(PollInterval, ct);
            }
        }

        return done;
    }
}

/// <summary>An accepted order and how it ended: Confirmed, Cancelled, still in flight (stuck) or unknown (Lost).</summary>
public sealed record CompletedOrder(OrderAttempt Attempt, string Status, TimeSpan? CompletionLatency, DateTimeOffset? FinishedAt)
{
    public bool IsStuck => FinishedAt is null && Status != "Lost";

    public bool IsLost => Status == "Lost";
}

/// <summary>A batch of order attempts and how each accepted one ended.</summary>
public sealed record OrderOutcomes(IReadOnlyList<OrderAttempt> Attempts, IReadOnlyList<OrderAttempt> Accepted, IReadOnlyList<CompletedOrder> Finished)
{
    public IReadOnlyList<CompletedOrder> Confirmed { get; } = [.. Finished.Where(order => order.Status == "Confirmed")];

    public int Cancelled => Finished.Count(order => order.Status == "Cancelled");

    public int Stuck => Finished.Count(order => order.IsStuck);

    public int Lost => Finished.Count(order => order.IsLost);
}
