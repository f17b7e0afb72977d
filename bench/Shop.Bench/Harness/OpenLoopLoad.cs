using System.Diagnostics;

namespace Shop.Bench.Harness;

/// <summary>
/// Places orders on a fixed schedule (open loop): order i is sent at start + i / rate whether or not earlier ones
/// have been answered, so a slow system shows as growing latency instead of a politely lower rate.
/// </summary>
public static class OpenLoopLoad
{
    public static async Task<IReadOnlyList<OrderAttempt>> RunAsync(
        ShopClient client, IReadOnlyList<string> customers, IReadOnlyList<Guid> products, double ratePerSecond, TimeSpan duration, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);

        var attempts = new OrderAttempt[(int)Math.Round(ratePerSecond * duration.TotalSeconds)];
        await OpenLoopSchedule.RunAsync(Stopwatch.StartNew(), ratePerSecond, duration, rampUp: TimeSpan.Zero,
            async i => attempts[i] = await client.PlaceOrderAsync(customers[i % customers.Count], products[i % products.Count], ct), ct);
        return attempts;
    }
}
