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
}
