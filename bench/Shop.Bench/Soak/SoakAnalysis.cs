using System.Globalization;
using Shop.Bench.Harness;
using Shop.Bench.Reporting;

namespace Shop.Bench.Soak;

/// <summary>Turns a <see cref="SoakRecording"/> into the report: figures per minute, slopes over the second half, totals.</summary>
public static class SoakAnalysis
{
    private const double OrdersPerLogFigure = 10_000;

    public static SoakReport Build(
        MachineInfo machine, SoakSettings settings, SoakThresholds thresholds, SoakRecording recording, IReadOnlyDictionary<string, IReadOnlyList<string>> firstWarnings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(recording);

        var minutes = recording.Samples.Select(sample => Minute(settings, recording, sample)).ToList();
        var orders = Orders(settings, recording);
        return new SoakReport(
            machine, settings, thresholds, minutes, orders, recording.AfterLoad, Trends(thresholds, minutes), Totals(orders, minutes, recording.AfterLoad), firstWarnings);
    }

    private static SoakMinute Minute(SoakSettings settings, SoakRecording recording, SoakSample sample)
    {
        var index = sample.Minute - 1;
        var due = recording.Orders.Where(order => order.Minute == index).ToList();
        var latencies = due.Where(order => order.Attempt.OrderId is not null)
            .Select(order => order.Attempt.AcceptLatency.TotalMilliseconds).Order().ToList();
        var final = recording.Finished.Count(order => order.FinishedAt is { } at && MinuteOf(settings, recording.StartedAt, at) == index);
        var (answered, failed) = recording.Reads[index];
        return new SoakMinute(
            sample.Minute,
            due.Count,
            latencies.Count,
            due.Count - latencies.Count,
            final,
            Percentile(latencies, 50),
            Percentile(latencies, 99),
            answered,
            failed,
            sample.Logs,
            sample.PssMiB,
            sample.Tables,
            sample.Queues);
    }

    private static SoakOrders Orders(SoakSettings settings, SoakRecording recording)
    {
        var declined = recording.Orders.Where(order => order.Attempt.OrderId is not null)
            .ToDictionary(order => order.Attempt.OrderId!.Value, order => order.Declined);
        var final = recording.Finished.Where(order => order.FinishedAt is not null).ToList();
        var accepted = declined.Count;
        return new SoakOrders(
            recording.Orders.Count,
            accepted,
            recording.Orders.Count - accepted,
            recording.Orders.Where(order => order.Attempt.OrderId is null)
                .GroupBy(order => order.Attempt.StatusCode == 0 ? "no answer" : order.Attempt.StatusCode.ToString(CultureInfo.InvariantCulture))
                .ToDictionary(group => group.Key, group => group.Count()),
            final.Count(order => order.Status == "Confirmed"),
            final.Count(order => order.Status == "Cancelled"),
            final.Count(order => MinuteOf(settings, recording.StartedAt, order.FinishedAt!.Value) >= settings.Minutes),
            recording.Finished.Count(order => order.IsStuck),
            recording.Finished.Count(order => order.IsLost),
            final.Count(order => order.Status != (declined[order.Attempt.OrderId!.Value] ? "Cancelled" : "Confirmed")),
            recording.Duplicated.Captures,
            recording.Duplicated.Notifications);
    }

    private static List<SoakTrend> Trends(SoakThresholds thresholds, List<SoakMinute> minutes)
    {
        var secondHalf = Slope.SecondHalf(minutes.Count).ToHashSet();
        var fitted = minutes.Where(minute => secondHalf.Contains(minute.Minute)).ToList();
        var trends = new List<SoakTrend>();

        foreach (var process in SoakResources.Ordered(minutes.SelectMany(minute => minute.PssMiB.Keys)))
        {
            trends.Add(Trend("memory", process, "MiB PSS", fitted, minute => minute.PssMiB.GetValueOrDefault(process),
                _ => SoakResources.IsShopProcess(process) ? thresholds.MaxPssMiBPerMinute : null));
        }

        foreach (var table in minutes.SelectMany(minute => minute.Tables).Select(table => table.Name).Distinct())
        {
            trends.Add(Trend("rows", table, "rows", fitted, minute => TableOf(minute, table)?.Rows,
                mean => mean * thresholds.MaxTableRowGrowthOfMeanPerMinute));
            trends.Add(Trend("bytes", table, "bytes", fitted, minute => TableOf(minute, table)?.Bytes, _ => null));
            if (table.EndsWith(EventBusTable.Outbox, StringComparison.Ordinal))
            {
                trends.Add(Trend("pending", table, "unsent rows", fitted, minute => TableOf(minute, table)?.Pending, _ => null));
            }
        }

        foreach (var resource in SoakResources.All)
        {
            trends.Add(Trend("log", resource, "log bytes per minute", fitted,
                minute => minute.Logs.GetValueOrDefault(resource, ResourceLogTally.None).Bytes, _ => null));
        }

        foreach (var queue in QueueDepthReader.Queues)
        {
            trends.Add(Trend("queue", queue, "ready messages", fitted, minute => minute.Queues.GetValueOrDefault(queue), _ => null));
        }

        return trends;
    }

    private static SoakTrend Trend(
        string kind, string series, string unit, IReadOnlyList<SoakMinute> fitted, Func<SoakMinute, double?> value, Func<double?, double?> limit)
    {
        var points = fitted.Select(minute => (minute.Minute, Value: value(minute)))
            .Where(point => point.Value is not null)
            .Select(point => (point.Minute, point.Value!.Value))
            .ToList();
        double? mean = points.Count == 0 ? null : points.Average(point => point.Item2);
        return new SoakTrend(kind, series, unit, Round(Slope.PerMinute(points)), Round(mean), Round(limit(mean)));
    }

    private static SoakTotals Totals(SoakOrders orders, List<SoakMinute> minutes, SoakAfterLoad afterLoad)
    {
        var logs = minutes.Select(minute => minute.Logs).Append(afterLoad.Logs)
            .SelectMany(tallies => tallies)
            .GroupBy(tally => tally.Key)
            .ToDictionary(group => group.Key, group => group.Aggregate(ResourceLogTally.None, (sum, tally) => sum.Add(tally.Value)));
        return new SoakTotals(
            orders.Accepted,
            logs,
            logs.ToDictionary(tally => tally.Key, tally => Math.Round(tally.Value.Bytes * OrdersPerLogFigure / Math.Max(orders.Accepted, 1))));
    }

    private static TableSample? TableOf(SoakMinute minute, string table) => minute.Tables.FirstOrDefault(sample => sample.Name == table);

    private static int MinuteOf(SoakSettings settings, DateTimeOffset startedAt, DateTimeOffset at) =>
        Math.Max((int)Math.Floor((at - startedAt) / settings.SampleInterval), 0);

    private static double? Percentile(List<double> sortedMilliseconds, double percentile) =>
        sortedMilliseconds.Count == 0 ? null : Math.Round(Percentiles.Of(sortedMilliseconds, percentile), 1);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 2) : null;
}
