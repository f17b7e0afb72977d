using System.Globalization;
using System.Text;
using System.Text.Json;
using Shop.Bench.Harness;
using Shop.Bench.Reporting;

namespace Shop.Bench.Soak;

/// <summary>Writes a soak as <c>soak.json</c> (every figure) and <c>soak.md</c> (tables per minute, slopes, totals, verdict).</summary>
public static class SoakReportWriter
{
    public static async Task WriteAsync(SoakReport report, IReadOnlyList<string> problems, string directory, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(problems);

        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "soak.json"), JsonSerializer.Serialize(new { report, problems }, ReportWriter.Json), ct);
        await File.WriteAllTextAsync(Path.Combine(directory, "soak.md"), Markdown(report, problems), ct);
    }

    private static string Markdown(SoakReport report, IReadOnlyList<string> problems)
    {
        var md = new StringBuilder();
        Header(md, report);
        Orders(md, report);
        Tables(md, report);
        Memory(md, report);
        Queues(md, report);
        Trends(md, report);
        Totals(md, report);
        FirstWarnings(md, report);
        Line(md);
        Line(md, "## Verdict");
        Line(md);
        if (problems.Count == 0)
        {
            Line(md, "PASSED: every threshold held.");
        }

        foreach (var problem in problems)
        {
            Line(md, $"- FAILED: {problem}");
        }

        return md.ToString();
    }

    private static void Header(StringBuilder md, SoakReport report)
    {
        var m = report.Machine;
        var s = report.Settings;
        var half = Slope.SecondHalf(report.Minutes.Count);
        Line(md, "# Shop soak");
        Line(md);
        Line(md, $"{m.StartedAt:yyyy-MM-dd HH:mm} UTC · {m.Cores} cores · {m.Os} · {m.DotNet} · {m.Configuration} build. "
            + "The load generator shares these cores with Shop, PostgreSQL and RabbitMQ. How it is made: [bench/README.md](../README.md), \"Soak\".");
        Line(md);
        Line(md, $"- **Load:** {s.Minutes} minutes, open loop: {N(s.OrdersPerSecond)} orders/s (one unit each; every {s.DeclinedEvery}th paid with "
            + $"`{ShopClient.DeclinedCard}`, so cancelled), {N(s.CatalogReadsPerSecond)} catalog reads/s (a page of 20 and a product, in turn) and "
            + $"{N(s.OrderReadsPerSecond)} reads/s of one of the last orders by its owner; each rate climbs from zero over the first {s.RampUp.TotalSeconds:0} s.");
        Line(md, $"- **Retention:** outbox {s.OutboxRetention}, inbox {s.InboxRetention}, clean-up every {s.CleanupInterval} "
            + $"(`{string.Join(" ", s.AppHostArguments)}`). Rows older than that are deleted, so the tables should be flat from about minute "
            + $"{Math.Ceiling((Math.Max(s.OutboxRetention.TotalMinutes, s.InboxRetention.TotalMinutes) + s.CleanupInterval.TotalMinutes))} on.");
        Line(md, $"- **Slopes** are least-squares fits over minutes {(half.Count == 0 ? "none" : $"{half[0]}–{half[^1]}")} (the second half).");
        Line(md);
        Line(md, "Thresholds:");
        Line(md);
        foreach (var threshold in report.Thresholds.Describe())
        {
            Line(md, $"- {threshold}");
        }
    }

    private static void Orders(StringBuilder md, SoakReport report)
    {
        var resources = SoakResources.All;
        Line(md);
        Line(md, "## Per minute: orders, POST latency, events and console output");
        Line(md);
        Line(md, "Orders count for the minute they were due in; final ones for the minute they became Confirmed or Cancelled. "
            + "Warnings are console messages at warn, fail or crit. Log columns: bytes each resource wrote to its console "
            + "(each line's UTF-8 text and newline, without the timestamp DCP adds when it reads the line).");
        Line(md);
        Line(md, $"| Minute | Sent | Accepted | Final | Refused | POST p50 ms | POST p99 ms | Reads ok / failed | Retries | Dead letters | Warnings | {string.Join(" | ", resources)} |");
        Line(md, $"|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|{string.Concat(resources.Select(_ => "---:|"))}");
        foreach (var minute in report.Minutes)
        {
            Line(md, $"| {minute.Minute} | {minute.Sent} | {minute.Accepted} | {minute.Final} | {minute.Refused} | {N(minute.AcceptP50Ms)} | {N(minute.AcceptP99Ms)} | "
                + $"{minute.ReadsAnswered} / {minute.ReadsFailed} | {minute.Retries} | {minute.DeadLetters} | {minute.Logs.Values.Sum(tally => tally.Warnings)} | "
                + string.Join(" | ", resources.Select(resource => N(minute.Logs.GetValueOrDefault(resource, ResourceLogTally.None).Bytes))) + " |");
        }

        var after = report.AfterLoad;
        Line(md, $"| after | | | {report.Orders.FinalAfterLoad} | | | | | {after.Logs.Values.Sum(tally => tally.Retries)} | "
            + $"{after.Logs.Values.Sum(tally => tally.DeadLetters)} | {after.Logs.Values.Sum(tally => tally.Warnings)} | "
            + string.Join(" | ", resources.Select(resource => N(after.Logs.GetValueOrDefault(resource, ResourceLogTally.None).Bytes))) + " |");
        Line(md);
        Line(md, $"\"after\": the {N(after.Seconds)} s from the load's end until every order was final.");
    }

    private static void Tables(StringBuilder md, SoakReport report)
    {
        Line(md);
        Line(md, "## Per minute: event-bus tables");
        Line(md);
        Line(md, "Rows, bytes on disk (`pg_total_relation_size`: table, indexes and TOAST) and, for the outbox, rows not yet sent.");
        foreach (var database in ServiceDatabases.Names)
        {
            var tables = report.Minutes.SelectMany(minute => minute.Tables).Where(table => table.Database == database)
                .Select(table => table.Table).Distinct().ToList();
            if (tables.Count == 0)
            {
                continue;
            }

            var outbox = tables.Contains(EventBusTable.Outbox);
            var inbox = tables.Contains(EventBusTable.Inbox);
            Line(md);
            Line(md, $"**{database}**");
            Line(md);
            Line(md, "| Minute |" + (outbox ? " Outbox rows | Outbox bytes | Unsent |" : "") + (inbox ? " Inbox rows | Inbox bytes |" : ""));
            Line(md, "|---:|" + (outbox ? "---:|---:|---:|" : "") + (inbox ? "---:|---:|" : ""));
            foreach (var minute in report.Minutes)
            {
                var o = minute.Tables.FirstOrDefault(table => table.Database == database && table.Table == EventBusTable.Outbox);
                var i = minute.Tables.FirstOrDefault(table => table.Database == database && table.Table == EventBusTable.Inbox);
                Line(md, $"| {minute.Minute} |" + (outbox ? $" {N(o?.Rows)} | {N(o?.Bytes)} | {N(o?.Pending)} |" : "") + (inbox ? $" {N(i?.Rows)} | {N(i?.Bytes)} |" : ""));
            }
        }
    }

    private static void Memory(StringBuilder md, SoakReport report)
    {
        var processes = SoakResources.Ordered(report.Minutes.SelectMany(minute => minute.PssMiB.Keys));
        Line(md);
        Line(md, "## Per minute: memory (PSS, MiB)");
        Line(md);
        Line(md, "Each service instance and the gateway is its own process; postgres and messaging are their whole process trees (server and backends; the Erlang VM and its helpers).");
        Line(md);
        Line(md, $"| Minute | {string.Join(" | ", processes)} |");
        Line(md, $"|---:|{string.Concat(processes.Select(_ => "---:|"))}");
        foreach (var minute in report.Minutes)
        {
            Line(md, $"| {minute.Minute} | {string.Join(" | ", processes.Select(process => N(minute.PssMiB.GetValueOrDefault(process))))} |");
        }
    }

    private static void Queues(StringBuilder md, SoakReport report)
    {
        var queues = QueueDepthReader.Queues;
        Line(md);
        Line(md, "## Per minute: queues (ready messages)");
        Line(md);
        Line(md, $"| Minute | {string.Join(" | ", queues.Select(queue => $"`{queue}`"))} |");
        Line(md, $"|---:|{string.Concat(queues.Select(_ => "---:|"))}");
        foreach (var (label, depths) in report.Minutes.Select(minute => (minute.Minute.ToString(CultureInfo.InvariantCulture), minute.Queues))
            .Append(("after", report.AfterLoad.Queues)))
        {
            Line(md, $"| {label} | {string.Join(" | ", queues.Select(queue => N(depths.GetValueOrDefault(queue))))} |");
        }
    }

    private static void Trends(StringBuilder md, SoakReport report)
    {
        Line(md);
        Line(md, "## Slopes over the second half");
        Line(md);
        Line(md, "| What | Series | Slope per minute | Mean | Largest allowed | |");
        Line(md, "|---|---|---:|---:|---:|---|");
        foreach (var trend in report.Trends)
        {
            var verdict = trend.Limit is null ? "" : trend.Exceeded ? "**exceeded**" : "ok";
            Line(md, $"| {trend.Kind} ({trend.Unit}) | {trend.Series} | {N(trend.SlopePerMinute)} | {N(trend.Mean)} | {N(trend.Limit)} | {verdict} |");
        }
    }

    private static void Totals(StringBuilder md, SoakReport report)
    {
        var o = report.Orders;
        var t = report.Totals;
        Line(md);
        Line(md, "## Totals");
        Line(md);
        Line(md, "| Sent | Accepted | Refused | Confirmed | Cancelled | Final after the load | Stuck | Lost | Not as the card says | Double captures | Double notices |");
        Line(md, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Line(md, $"| {o.Sent} | {o.Accepted} | {o.Refused} | {o.Confirmed} | {o.Cancelled} | {o.FinalAfterLoad} | {o.Stuck} | {o.Lost} | {o.UnexpectedOutcome} | {o.DuplicatedCaptures} | {o.DuplicatedNotifications} |");
        if (o.RefusedByStatus.Count > 0)
        {
            Line(md);
            Line(md, "Refused: " + string.Join(", ", o.RefusedByStatus.Select(status => $"{status.Key} × {status.Value}")) + ".");
        }

        Line(md);
        Line(md, $"Console output over the soak and the drain after it, per resource ({N(t.AcceptedOrders)} accepted orders):");
        Line(md);
        Line(md, "| Resource | Bytes | Lines | Warnings | Retries | Dead letters | Bytes per 10,000 orders |");
        Line(md, "|---|---:|---:|---:|---:|---:|---:|");
        foreach (var resource in SoakResources.All)
        {
            var tally = t.Logs.GetValueOrDefault(resource, ResourceLogTally.None);
            Line(md, $"| {resource} | {N(tally.Bytes)} | {N(tally.Lines)} | {N(tally.Warnings)} | {N(tally.Retries)} | {N(tally.DeadLetters)} | {N(t.LogBytesPer10kOrders.GetValueOrDefault(resource))} |");
        }

        Line(md);
        Line(md, $"Retries: **{t.Retries}**. Dead letters: **{t.DeadLetters}**.");
    }

    private static void FirstWarnings(StringBuilder md, SoakReport report)
    {
        if (report.FirstWarnings.Count == 0)
        {
            return;
        }

        Line(md);
        Line(md, "## First warnings");
        Line(md);
        Line(md, "The first few warnings (or worse) each resource logged during the soak, with the lines after each:");
        foreach (var resource in SoakResources.Ordered(report.FirstWarnings.Keys))
        {
            Line(md);
            Line(md, $"**{resource}**");
            Line(md);
            Line(md, "```text");
            Line(md, string.Join("\n\n", report.FirstWarnings[resource]));
            Line(md, "```");
        }
    }

    private static string N(double? value) => value?.ToString("#,0.##", CultureInfo.InvariantCulture) ?? "–";

    private static void Line(StringBuilder md, string text = "") => ReportWriter.Line(md, text);
}
