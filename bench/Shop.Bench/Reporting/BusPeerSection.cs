using System.Text;
using Shop.Bench.Sections;

namespace Shop.Bench.Reporting;

/// <summary>Section 8 of latest.md: Shop's event bus against Wolverine on the same machine, in the same run.</summary>
public static class BusPeerSection
{
    public static void Write(StringBuilder md, BusPeerResult peer)
    {
        ArgumentNullException.ThrowIfNull(md);
        ArgumentNullException.ThrowIfNull(peer);

        ReportWriter.Line(md);
        ReportWriter.Line(md, "## 8. Event bus against a library peer: outbox → RabbitMQ → inbox-committed handler");
        ReportWriter.Line(md);
        ReportWriter.Line(md, $"One process per bus and round (`bench/Shop.Bench.BusPeer`), on this run's PostgreSQL and RabbitMQ, each in a database, exchange and queue of its own. "
            + $"{peer.Producers} producers publish {peer.Events} events as fast as their commits allow, each event in its own EF Core unit of work, "
            + "and the run ends when the handler's receipts for all of them are committed (the handler adds one row, which the bus commits with its inbox record). "
            + $"{peer.WarmUpEvents} events warm each process up first. Wolverine 6.62.0 runs with a durable outbox in the EF Core transaction, a durable inbox on the same database, "
            + "publisher confirms, and Shop's prefetch (32) and handler concurrency (4); Shop's bus runs as the services configure it.");
        ReportWriter.Line(md);
        ReportWriter.Line(md, "| Bus | Round | Events/s | Writing transactions per event | CPU µs per event: bus in all | the peer | postgres | RabbitMQ | the rest (Shop's idle services, DCP, harness) |");
        ReportWriter.Line(md, "|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var run in peer.Runs)
        {
            double Of(string process) => run.CpuPerEvent.Where(share => share.Process == process).Sum(share => share.Microseconds);
            var rest = Math.Round(run.CpuPerEvent.Sum(share => share.Microseconds) - run.BusCpuPerEventMicroseconds, 1);
            ReportWriter.Line(md, $"| {run.Bus} | {run.Round} | {run.EventsPerSecond} | {run.WriteTransactionsPerEvent} | {run.BusCpuPerEventMicroseconds} | "
                + $"{Of(BusPeerComparison.PeerProcess)} | {Of("postgres")} | {Of("beam.smp")} | {rest} |");
        }

        ReportWriter.Line(md);
        ReportWriter.Line(md, $"Wolverine / Shop, means of the rounds: throughput **{peer.WolverineToShopThroughput}×**, CPU per event **{peer.WolverineToShopCpuPerEvent}×** (bus in all).");
    }
}
