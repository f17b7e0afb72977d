namespace Shop.ServiceDefaults;

/// <summary>
/// Work the service must finish before it serves requests, such as migrating its database. Registered as a singleton;
/// until every step is done the service answers 503 (see <c>MapDefaultEndpoints</c>).
/// </summary>
public interface IStartupStep
{
    bool IsDone { get; }

    /// <summary>What is still being done while not done, e.g. "migrating OrdersDbContext", for the readiness probe's answer.</summary>
    string Pending { get; }

    /// <summary>
    /// Whether requests must wait for this step (503 until it is done), or only readiness. A missing schema must hold
    /// requests; a warm-up only delays readiness: a request that comes anyway just does that work itself.
    /// </summary>
    bool HoldsRequests => true;
}
