using System.Globalization;
using Shop.Bench.Harness;

namespace Shop.Bench.Soak;

/// <summary>What fails a soak (<see cref="SoakThresholds"/>); an empty list is a pass.</summary>
public static class SoakVerdict
{
    public static IReadOnlyList<string> Problems(SoakReport report)
    {
        ArgumentNullException.ThrowIfNull(report);

        var problems = new List<string>();
        var orders = report.Orders;
        var thresholds = report.Thresholds;
        if (orders.Accepted == 0)
        {
            problems.Add($"no order was accepted ({orders.Sent} sent).");
        }

        if (orders.Lost > 0 || orders.Stuck > 0 || orders.UnexpectedOutcome > 0)
        {
            problems.Add($"orders: {orders.Lost} lost, {orders.Stuck} stuck, {orders.UnexpectedOutcome} ended otherwise than their card says.");
        }

        if (orders.DuplicatedCaptures > 0 || orders.DuplicatedNotifications > 0)
        {
            problems.Add($"orders: {orders.DuplicatedCaptures} captured twice, {orders.DuplicatedNotifications} confirmation notices sent twice.");
        }

        var totals = report.Totals;
        if (totals.Retries > thresholds.MaxRetries || totals.DeadLetters > thresholds.MaxDeadLetters)
        {
            problems.Add($"events: {totals.Retries} handling retries and {totals.DeadLetters} dead letters logged (" + string.Join(", ", totals.Logs
                .Where(tally => tally.Value.Retries + tally.Value.DeadLetters > 0)
                .Select(tally => $"{tally.Key}: {tally.Value.Retries} retries, {tally.Value.DeadLetters} dead letters")) + ").");
        }

        foreach (var (queue, depth) in report.AfterLoad.Queues.Where(queue => QueueDepthReader.IsDeadLetterQueue(queue.Key) && queue.Value > 0))
        {
            problems.Add($"{queue} holds {depth} messages after the soak.");
        }

        foreach (var trend in report.Trends.Where(trend => trend.Exceeded))
        {
            problems.Add($"{trend.Series} {trend.Kind}: {Number(trend.SlopePerMinute)} {trend.Unit}/min over the second half, more than {Number(trend.Limit)}"
                + (trend.Kind == "rows" ? $" ({thresholds.MaxTableRowGrowthOfMeanPerMinute:P0} of its mean {Number(trend.Mean)}): not bounded." : "."));
        }

        foreach (var (resource, bytes) in totals.LogBytesPer10kOrders.Where(figure => SoakResources.IsShopProcess(figure.Key) && figure.Value > thresholds.MaxLogBytesPer10kOrders))
        {
            problems.Add($"{resource} logged {bytes:N0} bytes per 10,000 orders, more than {thresholds.MaxLogBytesPer10kOrders:N0}.");
        }

        return problems;
    }

    private static string Number(double? value) => value?.ToString("#,0.##", CultureInfo.InvariantCulture) ?? "n/a";
}
