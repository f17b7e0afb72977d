namespace Shop.Bench.Reporting;

/// <summary>Nearest-rank percentiles of a sample, in milliseconds.</summary>
public static class Percentiles
{
    public static double Of(IReadOnlyList<double> sortedMilliseconds, double percentile)
    {
        ArgumentNullException.ThrowIfNull(sortedMilliseconds);
        if (sortedMilliseconds.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sortedMilliseconds.Count);
        return sortedMilliseconds[Math.Clamp(rank - 1, 0, sortedMilliseconds.Count - 1)];
    }

    public static LatencySummary Summarize(IEnumerable<TimeSpan> latencies)
    {
        var sorted = latencies.Select(latency => latency.TotalMilliseconds).Order().ToList();
        return new LatencySummary(Math.Round(Of(sorted, 50), 1), Math.Round(Of(sorted, 99), 1));
    }
}

public sealed record LatencySummary(double P50Ms, double P99Ms);
