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
}
