using System.Diagnostics;

namespace Shop.Bench.Harness;

/// <summary>
/// Starts each request at its due time whether or not earlier ones were answered (open loop), and returns once every
/// request started is done. The rate climbs linearly from zero over <c>rampUp</c> (none: the full rate at once), then
/// holds.
/// </summary>
public static class OpenLoopSchedule
{
    public static async Task RunAsync(Stopwatch clock, double ratePerSecond, TimeSpan duration, TimeSpan rampUp, Func<int, Task> send, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(send);

        var total = (int)Math.Round(ratePerSecond * (duration - rampUp / 2).TotalSeconds);
        var requests = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var wait = DueAt(i, ratePerSecond, rampUp) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, ct);
            }

            requests.Add(send(i));
        }

        await Task.WhenAll(requests);
    }

    /// <summary>
    /// When request <paramref name="number"/> is due: during the ramp, n(t) = rate·t² / (2·ramp) requests have been
    /// started by t; after it, rate·ramp / 2 + rate·(t − ramp).
    /// </summary>
    public static TimeSpan DueAt(int number, double ratePerSecond, TimeSpan rampUp)
    {
        var ramp = rampUp.TotalSeconds;
        var startedDuringRamp = ratePerSecond * ramp / 2;
        return TimeSpan.FromSeconds(number < startedDuringRamp
            ? Math.Sqrt(2 * ramp * number / ratePerSecond)
            : number / ratePerSecond + ramp / 2);
    }
}
