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
        var total = (int)Math.Round(ratePerSecond * duration.TotalSeconds);
        var attempts = new Task<OrderAttempt>[total];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / ratePerSecond);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, ct);
            }

            attempts[i] = client.PlaceOrderAsync(customers[i % customers.Count], products[i % products.Count], ct);
        }

        return await Task.WhenAll(attempts);
    }
}
