using System.Globalization;
using System.Text;
using System.Text.Json;
using Shop.Bench.Tools;

namespace Shop.Bench.Reporting;

/// <summary>Writes a run as <c>latest.json</c> (every figure) and <c>latest.md</c> (a table per section).</summary>
public static class ReportWriter
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task WriteAsync(BenchReport report, string directory, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);

        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "latest.json"), JsonSerializer.Serialize(report, Json), ct);
        await File.WriteAllTextAsync(Path.Combine(directory, "latest.md"), Markdown(report), ct);
    }

    /// <summary>What makes a run fail whatever its speed: an order lost, stuck or confirmed twice.</summary>
    public static IReadOnlyList<string> Problems(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);

        var problems = new List<string>();
        foreach (var step in report.Pipeline.Steps.Where(step => step.Lost > 0 || step.Stuck > 0))
        {
            problems.Add($"pipeline at {step.OfferedPerSecond}/s: {step.Lost} lost and {step.Stuck} stuck orders.");
        }

        var outage = report.BrokerOutage;
        if (outage.Lost > 0 || outage.Stuck > 0 || outage.Cancelled > 0 || outage.Accepted != outage.Sent)
        {
            problems.Add($"broker outage: {outage.Sent} sent, {outage.Accepted} accepted, {outage.Cancelled} cancelled, {outage.Stuck} stuck, {outage.Lost} lost.");
        }

        if (outage.DuplicatedCaptures > 0 || outage.DuplicatedNotifications > 0 || outage.StockDiscrepancy != 0)
        {
            problems.Add($"broker outage: {outage.DuplicatedCaptures} double captures, {outage.DuplicatedNotifications} double notices, stock off by {outage.StockDiscrepancy}.");
        }

        return problems;
    }

    private static string Markdown(BenchReport report)
    {
        var md = new StringBuilder();
        var m = report.Machine;
        Line(md, $"# Shop benchmark{(report.Quick ? " (quick mode: harness check, not a measurement)" : "")}");
        Line(md);
        Line(md, $"{m.StartedAt:yyyy-MM-dd HH:mm} UTC · {m.Cores} cores · {m.Os} · {m.DotNet} · {m.Configuration} build · {m.Wrk} · {m.Nginx} · {m.PgBench}. "
            + "Everything (load generators, proxies, services, PostgreSQL, RabbitMQ) shares these cores, so figures are CPU cost, "
            + "comparable as ratios within this run. How each figure is made: [bench/README.md](../README.md).");

        var g = report.Gateway;
        Line(md);
        Line(md, $"## 1. Gateway overhead: `{g.Path}`, wrk {g.Connections} connections, {g.DurationSeconds} s each");
        Line(md);
        LoadTable(md, g.Direct, g.Gateway, g.Nginx);

        Line(md);
        Line(md, $"Gateway / nginx throughput: **{g.GatewayToNginx}×**. Gateway / direct: **{g.GatewayToDirect}×**. "
            + $"p99 added over direct: gateway {g.GatewayAddedP99Ms} ms, nginx {g.NginxAddedP99Ms} ms.");
        Line(md);
        Line(md, $"One client at a time (1 connection, {g.OneClientSeconds} s each), so that no request waits behind another and latency is what each hop adds:");
        Line(md);
        LoadTable(md, g.DirectOneClient, g.GatewayOneClient, g.NginxOneClient);

        Line(md);
        Line(md, $"p99 added over direct, one client: gateway **{g.GatewayAddedP99OneClientMs} ms**, nginx {g.NginxAddedP99OneClientMs} ms.");
        Line(md);
        Line(md, "CPU per request in microseconds, by process (processes under 1 µs left out):");
        Line(md);
        var processes = new[] { g.DirectCpu, g.GatewayCpu, g.NginxCpu }.SelectMany(shares => shares)
            .GroupBy(share => share.Process).OrderByDescending(group => group.Max(share => share.Microseconds)).Select(group => group.Key).ToList();
        Line(md, $"| Path | total | {string.Join(" | ", processes)} |");
        Line(md, $"|---|---:|{string.Concat(processes.Select(_ => "---:|"))}");
        foreach (var (name, shares) in new[] { ("direct", g.DirectCpu), ("gateway", g.GatewayCpu), ("nginx", g.NginxCpu) })
        {
            var byProcess = shares.ToDictionary(share => share.Process, share => share.Microseconds);
            Line(md, $"| {name} | {Math.Round(shares.Sum(share => share.Microseconds), 1)} | "
                + string.Join(" | ", processes.Select(process => byProcess.TryGetValue(process, out var us) ? us.ToString("F1", CultureInfo.InvariantCulture) : "0")) + " |");
        }

        var p = report.Pipeline;
        Line(md);
        Line(md, $"## 2. Order pipeline: open loop, {p.StepSeconds} s per step, {p.Customers} customers, one unit of one product per order");
        Line(md);
        Line(md, "| Offered/s | Accepted/s | Confirmed/s | Accept p50 / p99 ms | Completion p50 / p99 ms | Refused | Cancelled | Stuck | Lost | Sustained |");
        Line(md, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var s in p.Steps)
        {
            Line(md, $"| {s.OfferedPerSecond} | {s.AcceptedPerSecond} | {s.CompletedPerSecond} | {s.Accept.P50Ms} / {s.Accept.P99Ms} | "
                + $"{s.Completion.P50Ms} / {s.Completion.P99Ms} | {s.Refused} | {s.Cancelled} | {s.Stuck} | {s.Lost} | {(s.Sustained ? "yes" : "no")} |");
        }

        Line(md);
        Line(md, "Where the CPU went, in milliseconds per confirmed order (every process on the machine, from the step's start until its last order was final; the harness is `Shop.Bench`, and `wrk` is idle here):");
        Line(md);
        var groups = p.Steps.SelectMany(s => s.CpuPerOrder).GroupBy(share => share.Process)
            .OrderByDescending(group => group.Sum(share => share.Milliseconds)).Select(group => group.Key).Take(12).ToList();
        Line(md, $"| Offered/s | total | {string.Join(" | ", groups)} |");
        Line(md, $"|---:|---:|{string.Concat(groups.Select(_ => "---:|"))}");
        foreach (var s in p.Steps)
        {
            var byGroup = s.CpuPerOrder.ToDictionary(share => share.Process, share => share.Milliseconds);
            Line(md, $"| {s.OfferedPerSecond} | {s.CpuPerOrderTotalMs} | {string.Join(" | ", groups.Select(g => byGroup.TryGetValue(g, out var ms) ? ms.ToString("F1", CultureInfo.InvariantCulture) : "0"))} |");
        }

        Line(md);
        Line(md, $"Highest sustained rate (p99 POST → Confirmed ≤ 1 s, nothing refused, lost or stuck): **{Format(p.SustainedOrdersPerSecond)} orders/s**.");

        var d = report.Database;
        Line(md);
        Line(md, "## 3. The machine's bound: PostgreSQL");
        Line(md);
        Line(md, "| pgbench (same server, 8 clients) | tps | avg latency ms |");
        Line(md, "|---|---:|---:|");
        Line(md, $"| TPC-B-like | {d.TpcB.TransactionsPerSecond:F0} | {d.TpcB.AverageLatencyMs} |");
        Line(md, $"| select-only | {d.SelectOnly.TransactionsPerSecond:F0} | {d.SelectOnly.AverageLatencyMs} |");
        Line(md);
        Line(md, $"One order costs **{d.WriteTransactionsPerOrder} writing transactions** (exact: transaction ids taken over {d.Orders} orders, "
            + $"idle writes subtracted), and about {d.TransactionsPerOrder} transactions in all, reads included (`pg_stat_database`, approximate: "
            + "its counters lag): " + string.Join(", ", d.TransactionsPerOrderByDatabase.Select(db => $"{db.Key} {db.Value}")) + ".");
        var fraction = p.SustainedOrdersPerSecond is { } sustained ? $"{sustained / d.OrdersPerSecondBound:P0}" : "n/a";
        Line(md, $"At TPC-B's pace of writing transactions that bounds Shop at **{d.OrdersPerSecondBound} orders/s**; the sustained rate above is **{fraction}** of it.");

        StartupSection.Write(md, report.Startup);

        Line(md);
        Line(md, "## 5. Memory after the load");
        Line(md);
        Line(md, "RSS counts every page a process maps in full; PSS divides each shared page among the processes that map it, so PSS is what a process costs. MiB:");
        Line(md);
        Line(md, "| Process | RSS | PSS | PSS: GC and native heaps, stacks | PSS: JIT code and type data | PSS: mapped files |");
        Line(md, "|---|---:|---:|---:|---:|---:|");
        foreach (var process in report.Memory)
        {
            var use = process.Megabytes;
            Line(md, $"| {process.Resource} | {use.Resident} | {use.Proportional} | {use.Anonymous} | {use.RuntimeCode} | {use.Files} |");
        }

        var o = report.BrokerOutage;
        Line(md);
        Line(md, $"## 6. Under fault: `messaging` stopped for {o.OutageSeconds} s at {o.OfferedPerSecond} orders/s");
        Line(md);
        Line(md, "| Sent | Accepted | Confirmed | Cancelled | Stuck | Lost | Double captures | Double notices | Stock discrepancy | Backlog drained after restart |");
        Line(md, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Line(md, $"| {o.Sent} | {o.Accepted} | {o.Confirmed} | {o.Cancelled} | {o.Stuck} | {o.Lost} | {o.DuplicatedCaptures} | {o.DuplicatedNotifications} | {o.StockDiscrepancy} | {o.DrainSecondsAfterRestart} s |");
        IdleSection(md, report.Idle);
        BusPeerSection.Write(md, report.BusPeer);
        return md.ToString();
    }

    private static void IdleSection(StringBuilder md, IdleResult idle)
    {
        Line(md);
        Line(md, $"## 7. Idle: {idle.WindowSeconds} s without a request");
        Line(md);
        Line(md, $"Once no outbox row was unsent and no queue held a message ({idle.QuietAfterSeconds} s after the section before), then "
            + $"{idle.SettleSeconds} s more, CPU in percent of one core. Shop's own processes (services, gateway, PostgreSQL, RabbitMQ) are what a "
            + "deployment runs; the rest is local mode's orchestration and the machine.");
        Line(md);
        Line(md, $"Shop in all: **{idle.ShopPercentOfCore} %** (target ≤ 2 %, issue 18).");
        Line(md);
        Line(md, "| Process | % of one core | |");
        Line(md, "|---|---:|---|");
        foreach (var share in idle.Shop)
        {
            Line(md, $"| {share.Process} | {share.PercentOfCore} | Shop |");
        }

        foreach (var share in idle.Around.Take(8))
        {
            Line(md, $"| {share.Process} | {share.PercentOfCore} | around it |");
        }

        Line(md);
        Line(md, $"The same {idle.WindowSeconds} s windows after that, back to back: Shop's processes in percent of one core.");
        Line(md);
        var processes = idle.Shop.Select(share => share.Process).ToList();
        Line(md, $"| Window ends, s after the quiet | Shop in all | {string.Join(" | ", processes)} |");
        Line(md, $"|---:|---:|{string.Concat(processes.Select(_ => "---:|"))}");
        Line(md, $"| {idle.SettleSeconds + idle.WindowSeconds} | {idle.ShopPercentOfCore} | {string.Join(" | ", idle.Shop.Select(share => share.PercentOfCore))} |");
        foreach (var window in idle.Later)
        {
            var shares = processes.Select(process => window.Shop.FirstOrDefault(share => share.Process == process)?.PercentOfCore ?? 0);
            Line(md, $"| {window.EndsAfterQuietSeconds} | {window.ShopPercentOfCore} | {string.Join(" | ", shares)} |");
        }
    }

    private static void LoadTable(StringBuilder md, HttpLoadResult direct, HttpLoadResult gateway, HttpLoadResult nginx)
    {
        Line(md, "| Path | Requests/s | p50 ms | p99 ms | p99.9 ms |");
        Line(md, "|---|---:|---:|---:|---:|");
        foreach (var (name, result) in new[] { ("direct to inventory", direct), ("Shop gateway (YARP)", gateway), ("nginx", nginx) })
        {
            Line(md, $"| {name} | {result.RequestsPerSecond:F0} | {result.P50Ms:F2} | {result.P99Ms:F2} | {result.P999Ms:F2} |");
        }
    }

    private static string Format(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "none";

    internal static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');
}
