namespace Shop.Tests.Integration;

/// <summary>The AppHost's resource names, fixed by the architecture (docs/architecture.md).</summary>
internal static class ShopResources
{
    public const string Postgres = "postgres";
    public const string Messaging = "messaging";
    public const string Gateway = "gateway";

    public static readonly IReadOnlyDictionary<string, string> ServiceDatabases = new Dictionary<string, string>
    {
        ["users"] = "usersdb",
        ["orders"] = "ordersdb",
        ["payments"] = "paymentsdb",
        ["inventory"] = "inventorydb",
        ["notifications"] = "notificationsdb",
    };

    /// <summary>Services the AppHost runs twice in run mode (<c>Shop:Replicas</c>), as <c>name</c> and <c>name-2</c>.</summary>
    public static readonly IReadOnlySet<string> Replicated = new HashSet<string> { "orders", "inventory" };

    /// <summary>The gateway's named rate limits (Shop.Gateway/appsettings.json, <c>RateLimits</c>).</summary>
    public static readonly IReadOnlyList<string> RateLimitPolicies = ["users", "token", "products", "orders", "payments", "notifications", "docs"];

    /// <summary>The resource names of every instance of <paramref name="service"/>.</summary>
    public static IReadOnlyList<string> InstancesOf(string service) =>
        Replicated.Contains(service) ? [service, $"{service}-2"] : [service];

    public static IEnumerable<string> All =>
        [Postgres, Messaging, .. ServiceDatabases.Values, .. ServiceDatabases.Keys.SelectMany(InstancesOf), Gateway];
}
