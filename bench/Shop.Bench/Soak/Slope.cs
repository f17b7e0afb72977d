namespace Shop.Bench.Soak;

/// <summary>Least-squares trend of a per-minute series.</summary>
public static class Slope
{
    /// <summary>
    /// The minutes (1-based) a trend is fitted over: the second half, after warm-up and after retention started
    /// deleting; with an odd count the middle minute belongs to it.
    /// </summary>
    public static IReadOnlyList<int> SecondHalf(int minutes) => [.. Enumerable.Range(minutes / 2 + 1, minutes - minutes / 2)];

    /// <summary>The change per minute of the best-fitting line; null with fewer than two known points.</summary>
    public static double? PerMinute(IReadOnlyList<(int Minute, double Value)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 2)
        {
            return null;
        }

        var meanX = points.Average(point => point.Minute);
        var meanY = points.Average(point => point.Value);
        var spread = points.Sum(point => (point.Minute - meanX) * (point.Minute - meanX));
        return spread == 0 ? null : points.Sum(point => (point.Minute - meanX) * (point.Value - meanY)) / spread;
    }
}
