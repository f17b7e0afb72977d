using Shop.Bench.Harness;
using Shop.Bench.Tools;

namespace Shop.Bench.Reporting;

/// <summary>Everything one run of <c>scripts/bench.sh</c> measured; written as latest.json and latest.md.</summary>
public sealed record BenchReport(
    MachineInfo Machine,
    bool Quick,
    StartupResult? Startup,
    GatewayOverheadResult Gateway,
    PipelineResult Pipeline,
    DatabaseBoundResult Database,
    IReadOnlyList<ProcessMemory> Memory,
    IdleResult Idle,
    BrokerOutageResult BrokerOutage,
    BusPeerResult BusPeer);

public sealed record MachineInfo(DateTimeOffset StartedAt, int Cores, string Os, string DotNet, string Wrk, string Nginx, string PgBench, string Configuration);

/// <summary>The three paths' wrk figures, and their CPU cost per request by process.</summary>
public sealed record GatewayOverheadResult(
    string Path, int Connections, double DurationSeconds, HttpLoadResult Direct, HttpLoadResult Gateway, HttpLoadResult Nginx,
    IReadOnlyList<CpuPerRequest> DirectCpu, IReadOnlyList<CpuPerRequest> GatewayCpu, IReadOnlyList<CpuPerRequest> NginxCpu,
    double OneClientSeconds, HttpLoadResult DirectOneClient, HttpLoadResult GatewayOneClient, HttpLoadResult NginxOneClient)
{
    public double GatewayToNginx => Math.Round(Gateway.RequestsPerSecond / Nginx.RequestsPerSecond, 2);

    public double GatewayToDirect => Math.Round(Gateway.RequestsPerSecond / Direct.RequestsPerSecond, 2);

    public double GatewayAddedP99Ms => Math.Round(Gateway.P99Ms - Direct.P99Ms, 2);

    public double NginxAddedP99Ms => Math.Round(Nginx.P99Ms - Direct.P99Ms, 2);

    public double GatewayAddedP99OneClientMs => Math.Round(GatewayOneClient.P99Ms - DirectOneClient.P99Ms, 2);

    public double NginxAddedP99OneClientMs => Math.Round(NginxOneClient.P99Ms - DirectOneClient.P99Ms, 2);
}

public sealed record PipelineStep(
    double OfferedPerSecond,
    int Sent,
    int Accepted,
    int Refused,
    double AcceptedPerSecond,
    double CompletedPerSecond,
    int Confirmed,
    int Cancelled,
    int Stuck,
    int Lost,
    LatencySummary Accept,
    LatencySummary Completion,
    IReadOnlyList<CpuShare> CpuPerOrder)
{
    /// <summary>CPU milliseconds one confirmed order cost across every process on the machine.</summary>
    public double CpuPerOrderTotalMs => Math.Round(CpuPerOrder.Sum(share => share.Milliseconds), 1);

    /// <summary>A step is sustained when every order was accepted and confirmed, with p99 completion within 1 s.</summary>
    public bool Sustained => Refused == 0 && Cancelled == 0 && Stuck == 0 && Lost == 0 && Completion.P99Ms <= 1000;
}

public sealed record PipelineResult(double StepSeconds, int Customers, IReadOnlyList<PipelineStep> Steps)
{
    public double? SustainedOrdersPerSecond =>
        Steps.TakeWhile(step => step.Sustained).Select(step => (double?)step.OfferedPerSecond).LastOrDefault();
}

public sealed record DatabaseBoundResult(
    int Orders, double WriteTransactionsPerOrder, double TransactionsPerOrder, IReadOnlyDictionary<string, double> TransactionsPerOrderByDatabase,
    PgBenchResult TpcB, PgBenchResult SelectOnly)
{
    /// <summary>
    /// Orders per second PostgreSQL could carry if it did nothing but Shop's writing transactions at the pace of
    /// TPC-B's (each of which writes too); reads are far cheaper (select-only).
    /// </summary>
    public double OrdersPerSecondBound => Math.Round(TpcB.TransactionsPerSecond / WriteTransactionsPerOrder, 1);
}

/// <summary>CPU milliseconds per confirmed order spent in one group of processes (a resource, or an executable).</summary>
public sealed record CpuShare(string Process, double Milliseconds);

/// <summary>CPU microseconds per request spent in one group of processes.</summary>
public sealed record CpuPerRequest(string Process, double Microseconds);

/// <summary>CPU over <see cref="WindowSeconds"/> without traffic, in percent of one core: Shop's processes, and the rest.</summary>
public sealed record IdleResult(
    double QuietAfterSeconds, double SettleSeconds, double WindowSeconds, IReadOnlyList<IdleShare> Shop, IReadOnlyList<IdleShare> Around,
    IReadOnlyList<IdleWindow> Later)
{
    public double ShopPercentOfCore => Math.Round(Shop.Sum(share => share.PercentOfCore), 2);
}

public sealed record IdleShare(string Process, double PercentOfCore);

/// <summary>One more idle window of the same length, ending <see cref="EndsAfterQuietSeconds"/> after the system was quiet: Shop's processes.</summary>
public sealed record IdleWindow(double EndsAfterQuietSeconds, IReadOnlyList<IdleShare> Shop)
{
    public double ShopPercentOfCore => Math.Round(Shop.Sum(share => share.PercentOfCore), 2);
}

public sealed record ProcessMemory(string Resource, int ProcessId, ResidentMemory Megabytes);

public sealed record BrokerOutageResult(
    double OfferedPerSecond,
    double OutageSeconds,
    int Sent,
    int Accepted,
    int Confirmed,
    int Cancelled,
    int Stuck,
    int Lost,
    int DuplicatedCaptures,
    int DuplicatedNotifications,
    int StockDiscrepancy,
    double DrainSecondsAfterRestart);

/// <summary>Section 8: each bus's runs, and Wolverine's figures over Shop's (mean of the rounds).</summary>
public sealed record BusPeerResult(int Events, int WarmUpEvents, int Producers, IReadOnlyList<BusPeerRun> Runs)
{
    public double WolverineToShopThroughput => Ratio(run => run.EventsPerSecond);

    public double WolverineToShopCpuPerEvent => Ratio(run => run.BusCpuPerEventMicroseconds);

    private double Ratio(Func<BusPeerRun, double> figure) =>
        Math.Round(Runs.Where(run => run.Bus == "wolverine").Average(figure) / Runs.Where(run => run.Bus == "shop").Average(figure), 2);
}

/// <summary>One bus's saturation run: its rate, the writing transactions and the CPU each event cost, by process.</summary>
public sealed record BusPeerRun(
    string Bus, int Round, double Seconds, double EventsPerSecond, double WriteTransactionsPerEvent, IReadOnlyList<CpuPerEvent> CpuPerEvent)
{
    /// <summary>CPU microseconds per event in the peer, PostgreSQL and RabbitMQ: what the bus itself costs.</summary>
    public double BusCpuPerEventMicroseconds =>
        Math.Round(CpuPerEvent.Where(share => Sections.BusPeerComparison.BusProcesses.Contains(share.Process)).Sum(share => share.Microseconds), 1);
}

/// <summary>CPU microseconds per event spent in one group of processes.</summary>
public sealed record CpuPerEvent(string Process, double Microseconds);
