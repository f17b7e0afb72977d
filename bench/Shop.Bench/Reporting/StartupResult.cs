namespace Shop.Bench.Reporting;

/// <summary>
/// What <c>scripts/bench.sh</c> measured around <c>scripts/run.sh</c> (warm build): seconds to ready (the console says so and the gateway forwards)
/// and to every service answering through it, each main route's first request against the same route warm, and the
/// stop, from SIGTERM until <c>scripts/run.sh</c> returned with every process it started gone. The AppHost's own
/// start-up timeline (<see cref="Timeline"/>, seconds since the AppHost started, which was
/// <see cref="AppHostStartedSeconds"/> after <c>scripts/run.sh</c>) says where the seconds to ready went, and the CPU
/// until ready, in all and by process, says what they were spent on.
/// </summary>
public sealed record StartupResult(
    double GatewayReadySeconds,
    double AllServicesReadySeconds,
    int WarmRequests,
    IReadOnlyList<RouteFirstRequest> Routes,
    double StopSeconds,
    double AppHostStartedSeconds,
    IReadOnlyList<ResourceStartup> Timeline,
    int Cores,
    double BusyCoreSecondsUntilReady,
    IReadOnlyList<ProcessCpuSeconds> CpuSecondsUntilReady)
{
    /// <summary>How busy the machine's cores were, on average, from the start until ready.</summary>
    public double BusyPercentUntilReady => Math.Round(BusyCoreSecondsUntilReady * 100 / (Cores * GatewayReadySeconds), 1);
}

/// <summary>CPU seconds one group of processes (a Shop project, <c>dotnet run</c>, or an executable) spent until ready.</summary>
public sealed record ProcessCpuSeconds(string Process, double Seconds);

/// <summary>
/// When one resource began waiting for its dependencies, its process started, its migrations were applied, its
/// warm-ups finished and it turned healthy, in seconds since the AppHost started; null for a step it does not have.
/// </summary>
public sealed record ResourceStartup(string Resource, double? Waiting, double? Started, double? Migrated, double? WarmedUp, double? Healthy);

/// <summary>
/// One route's first request after start-up, and the median of the <see cref="StartupResult.WarmRequests"/> after it,
/// in milliseconds (curl's total time); <see cref="FirstToWarm"/> is the one over the other.
/// </summary>
public sealed record RouteFirstRequest(string Route, double FirstMs, double WarmP50Ms, double FirstToWarm);
