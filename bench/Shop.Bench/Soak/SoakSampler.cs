using System.Diagnostics;
using Shop.Bench.Harness;

namespace Shop.Bench.Soak;

/// <summary>Takes a <see cref="SoakSample"/> at the end of every minute of the soak, on the load's own clock.</summary>
public sealed class SoakSampler(ResourceLogCounter logs, ProcessMemorySampler memory, ServiceDatabases databases, QueueDepthReader queues)
{
    /// <summary>
    /// Samples at each of <paramref name="settings"/>' minutes from <paramref name="clock"/>'s zero, handing each sample
    /// to <paramref name="taken"/> as it comes.
    /// </summary>
    public async Task<IReadOnlyList<SoakSample>> EveryMinuteAsync(
        Stopwatch clock, SoakSettings settings, Func<SoakSample, Task> taken, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(taken);

        var samples = new List<SoakSample>(settings.Minutes);
        for (var minute = 1; minute <= settings.Minutes; minute++)
        {
            var wait = settings.SampleInterval * minute - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, ct);
            }

            var sample = await SampleAsync(minute, ct);
            samples.Add(sample);
            await taken(sample);
        }

        return samples;
    }

    /// <summary>One sample; the log tally is taken first, so that it ends with the minute.</summary>
    public async Task<SoakSample> SampleAsync(int minute, CancellationToken ct) =>
        new(minute, logs.Take(), memory.Sample(), await databases.EventBusTablesAsync(ct), await queues.ReadAsync(ct));
}
