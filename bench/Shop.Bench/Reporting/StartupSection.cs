using System.Text;

namespace Shop.Bench.Reporting;

/// <summary>Section 4 of <c>latest.md</c>: start-up, each main route's first request against warm, and the stop.</summary>
public static class StartupSection
{
    public static void Write(StringBuilder md, StartupResult? startup)
    {
        ArgumentNullException.ThrowIfNull(md);

        ReportWriter.Line(md);
        ReportWriter.Line(md, "## 4. Start-up and stop");
        ReportWriter.Line(md);
        if (startup is null)
        {
            ReportWriter.Line(md, "Not measured in this run (quick mode).");
            return;
        }

        ReportWriter.Line(md, "| From `scripts/run.sh` (warm build) to | seconds |");
        ReportWriter.Line(md, "|---|---:|");
        ReportWriter.Line(md, $"| ready: the console says \"Shop is ready.\" (the gateway is healthy: every service behind it is, and it has warmed up) and `GET /openapi/notifications.json` answers through the gateway | {startup.GatewayReadySeconds} |");
        ReportWriter.Line(md, $"| every service's OpenAPI document answering through the gateway (the first requests' own time left out) | {startup.AllServicesReadySeconds} |");
        ReportWriter.Line(md);
        WriteTimeline(md, startup);
        ReportWriter.Line(md);
        ReportWriter.Line(md, $"Each main route's first request right after that, in a new customer's order, against the same route warm (median of the {startup.WarmRequests} requests that follow, one new customer each):");
        ReportWriter.Line(md);
        ReportWriter.Line(md, "| Route | first ms | warm p50 ms | first / warm |");
        ReportWriter.Line(md, "|---|---:|---:|---:|");
        foreach (var route in startup.Routes)
        {
            ReportWriter.Line(md, $"| `{route.Route}` | {route.FirstMs} | {route.WarmP50Ms} | {route.FirstToWarm}× |");
        }

        ReportWriter.Line(md);
        ReportWriter.Line(md, $"Stop: **{startup.StopSeconds} s** from SIGTERM to the last process gone.");
    }

    private static void WriteTimeline(StringBuilder md, StartupResult startup)
    {
        ReportWriter.Line(md, "Where the seconds to ready went, from the AppHost's start-up timeline (Aspire's resource states, and each service's own log lines "
            + "\"Migrations and seed of … applied\" and \"Warmed up in …\" as DCP read them). Each step ends when the last resource of its kind reached it:");
        ReportWriter.Line(md);
        ReportWriter.Line(md, "| Step | ends at s | takes s |");
        ReportWriter.Line(md, "|---|---:|---:|");
        foreach (var (step, endsAt, seconds) in StartupSteps.From(startup))
        {
            ReportWriter.Line(md, $"| {step} | {endsAt} | {seconds} |");
        }

        ReportWriter.Line(md);
        var listed = startup.CpuSecondsUntilReady.Sum(process => process.Seconds);
        ReportWriter.Line(md, $"Until ready the machine's {startup.Cores} cores were **{startup.BusyPercentUntilReady} %** busy "
            + $"({startup.BusyCoreSecondsUntilReady} core-seconds in {startup.GatewayReadySeconds} s). CPU seconds by process, of the processes the start started and still running at ready "
            + $"({Math.Round(startup.BusyCoreSecondsUntilReady - listed, 1)} s more went to processes that had exited, such as the build check's, and to the rest of the machine):");
        ReportWriter.Line(md);
        ReportWriter.Line(md, "| Process | CPU s |");
        ReportWriter.Line(md, "|---|---:|");
        foreach (var process in startup.CpuSecondsUntilReady.Where(process => process.Seconds >= 0.1))
        {
            ReportWriter.Line(md, $"| {process.Process} | {process.Seconds} |");
        }

        ReportWriter.Line(md);
        ReportWriter.Line(md, "Each resource, in seconds since `scripts/run.sh` started:");
        ReportWriter.Line(md);
        ReportWriter.Line(md, "| Resource | waiting from | process started | migrated | warmed up | healthy |");
        ReportWriter.Line(md, "|---|---:|---:|---:|---:|---:|");
        foreach (var resource in startup.Timeline)
        {
            string Cell(double? seconds) => seconds is { } value ? Math.Round(startup.AppHostStartedSeconds + value, 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
            ReportWriter.Line(md, $"| {resource.Resource} | {Cell(resource.Waiting)} | {Cell(resource.Started)} | {Cell(resource.Migrated)} | {Cell(resource.WarmedUp)} | {Cell(resource.Healthy)} |");
        }
    }
}
