using System.Diagnostics;
using Shop.Bench.Harness;
using Shop.Bench.Reporting;

namespace Shop.Bench.Soak;

/// <summary>
/// <c>scripts/bench.sh --soak [MINUTES]</c> (issue 20): the real Shop under steady load with short retention, sampled
/// every minute, then every accepted order followed to its end. Returns the process's exit code: 1 when any
/// threshold failed.
/// </summary>
public static class SoakRun
{
    public static async Task<int> RunAsync(SoakSettings settings, string outputDirectory, TextWriter log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);

        var thresholds = SoakThresholds.Default;
        var clock = Stopwatch.StartNew();
        var machine = await MachineInfoProbe.ReadAsync(ct);
        await log.WriteLineAsync(
            $"Shop soak: {settings.Minutes} min at {settings.OrdersPerSecond} orders/s, {machine.Cores} cores, {machine.Configuration}; "
            + string.Join(" ", settings.AppHostArguments));

        var logs = new ResourceLogCounter();
        await using var shop = await BenchedShop.StartAsync(settings.AppHostArguments, logs.AddTo, ct);
        await log.WriteLineAsync($"[{clock.Elapsed:mm\\:ss}] app started; gateway {shop.GatewayAddress}");

        using var client = ShopClient.For(shop.GatewayAddress);
        // Workload needs only its customer and product counts from the bench's settings.
        var workload = await Workload.CreateAsync(shop, client, BenchSettings.Full, ct);
        var databases = new ServiceDatabases(await shop.PostgresConnectionStringAsync(ct));
        var infrastructure = new Dictionary<string, int>();
        foreach (var resource in SoakResources.Infrastructure)
        {
            infrastructure[resource] = await shop.LauncherProcessIdAsync(resource, ct);
        }

        var queues = new QueueDepthReader(await shop.MessagingConnectionStringAsync(ct));
        var sampler = new SoakSampler(
            logs, new ProcessMemorySampler(await shop.ServiceProcessIdsAsync(ct), infrastructure), databases, queues);

        // What the start-up and the workload's set-up logged is not the soak's.
        logs.Restart();
        var traffic = new SoakTraffic(workload, settings);
        var startedAt = DateTimeOffset.UtcNow;
        var loadClock = Stopwatch.StartNew();
        var load = traffic.RunAsync(loadClock, ct);
        var samples = await sampler.EveryMinuteAsync(loadClock, settings, sample => Progress(log, clock, settings, traffic, sample), ct);
        await load;

        var loadEnded = loadClock.Elapsed;
        // The owners' tokens may have expired by now; the administrator may read every order.
        var admin = await client.SignInAsync(BenchedShop.AdminEmail, shop.AdminPassword, ct);
        var orders = traffic.Orders;
        var outcomes = await OrderCompletion.FollowAsync(client, [.. orders.Select(order => order.Attempt with { CustomerToken = admin })], ct);
        var confirmed = outcomes.Confirmed.Select(order => order.Attempt.OrderId!.Value).ToList();
        var duplicated = await databases.DuplicatedEffectsAsync(confirmed, ct);
        var afterLoad = new SoakAfterLoad(Math.Round((loadClock.Elapsed - loadEnded).TotalSeconds, 1), logs.Take(), await queues.ReadAsync(ct));
        await log.WriteLineAsync($"[{clock.Elapsed:mm\\:ss}] every order followed to its end in {afterLoad.Seconds} s");

        var recording = new SoakRecording(
            startedAt, samples, orders, outcomes.Finished, [.. Enumerable.Range(0, settings.Minutes).Select(traffic.Reads)], duplicated, afterLoad);
        var report = SoakAnalysis.Build(machine, settings, thresholds, recording, logs.FirstWarnings());
        var problems = SoakVerdict.Problems(report);
        await SoakReportWriter.WriteAsync(report, problems, outputDirectory, ct);
        await log.WriteLineAsync(Summary(report));
        await log.WriteLineAsync($"[{clock.Elapsed:mm\\:ss}] report written to {Path.Combine(outputDirectory, "soak.md")}");
        foreach (var problem in problems)
        {
            await Console.Error.WriteLineAsync($"FAILED: {problem}");
        }

        return problems.Count == 0 ? 0 : 1;
    }

    private static Task Progress(TextWriter log, Stopwatch clock, SoakSettings settings, SoakTraffic traffic, SoakSample sample)
    {
        // Orders still in flight at the minute's end are not in these figures yet; the report has them all.
        var due = traffic.Orders.Where(order => order.Minute == sample.Minute - 1).ToList();
        var accepted = due.Where(order => order.Attempt.OrderId is not null).Select(order => order.Attempt.AcceptLatency.TotalMilliseconds).Order().ToList();
        var (answered, failed) = traffic.Reads(sample.Minute - 1);
        return log.WriteLineAsync(
            $"[{clock.Elapsed:mm\\:ss}] minute {sample.Minute}/{settings.Minutes}: {accepted.Count} accepted, {due.Count - accepted.Count} refused, "
            + $"POST p99 {(accepted.Count == 0 ? "–" : $"{Percentiles.Of(accepted, 99):F1} ms")}, reads {answered} ok / {failed} failed; "
            + $"retries {sample.Logs.Values.Sum(tally => tally.Retries)}, dead letters {sample.Logs.Values.Sum(tally => tally.DeadLetters)}, "
            + $"log {sample.Logs.Values.Sum(tally => tally.Bytes):N0} B; outbox unsent {sample.Tables.Sum(table => table.Pending ?? 0)}, "
            + $"event-bus rows {sample.Tables.Sum(table => table.Rows):N0}; queued {sample.Queues.Values.Sum(depth => depth ?? 0)}; "
            + $"PSS {sample.PssMiB.Values.Sum(pss => pss ?? 0):F0} MiB in all");
    }

    private static string Summary(SoakReport report)
    {
        var o = report.Orders;
        var t = report.Totals;
        // Every Shop process, those that logged nothing included: in a short soak none may have logged yet.
        var worstLog = BenchedShop.ServiceInstances.Select(process => (Key: process, Value: t.LogBytesPer10kOrders.GetValueOrDefault(process)))
            .MaxBy(figure => figure.Value);
        var memory = report.Trends.Where(trend => trend.Kind == "memory" && trend.Limit is not null).MaxBy(trend => trend.SlopePerMinute);
        var rows = report.Trends.Where(trend => trend.Kind == "rows").MaxBy(trend => trend.SlopePerMinute / Math.Max(trend.Mean ?? 0, 1));
        return $"Orders: {o.Sent} sent, {o.Accepted} accepted, {o.Refused} refused, {o.Confirmed} confirmed, {o.Cancelled} cancelled "
            + $"({o.FinalAfterLoad} after the load), {o.Stuck} stuck, {o.Lost} lost, {o.UnexpectedOutcome} not as their card says, "
            + $"{o.DuplicatedCaptures + o.DuplicatedNotifications} duplicated effects.\n"
            + $"Retries {t.Retries}, dead letters {t.DeadLetters}. Most log per 10,000 orders: {worstLog.Key} {worstLog.Value:N0} bytes.\n"
            + $"Steepest PSS slope: {memory?.Series} {memory?.SlopePerMinute} MiB/min. "
            + $"Steepest table growth: {rows?.Series} {rows?.SlopePerMinute} rows/min (mean {rows?.Mean} rows).";
    }
}
