namespace Shop.Bench.Reporting;

/// <summary>
/// What <c>scripts/bench.sh</c> measured around <c>scripts/run.sh</c> (warm build): seconds to ready (the console says so and the gateway forwards)
/// and to every service answering through it, each main route's first request against the same route warm, and the
/// stop, from SIGTERM until <c>scripts/run.sh</c> returned with every process it started gone.
/// </summary>
public sealed record StartupResult(
    double GatewayReadySeconds,
    double AllServicesReadySeconds,
    int WarmRequests,
    IReadOnlyList<RouteFirstRequest> Routes,
    double StopSeconds);

/// <summary>
/// One route's first request after start-up, and the median of the <see cref="StartupResult.WarmRequests"/> after it,
/// in milliseconds (curl's total time); <see cref="FirstToWarm"/> is the one over the other.
/// </summary>
public sealed record RouteFirstRequest(string Route, double FirstMs, double WarmP50Ms, double FirstToWarm);
