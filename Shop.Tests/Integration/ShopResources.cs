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

    public static IEnumerable<string> All =>
        [Postgres, Messaging, .. ServiceDatabases.Values, .. ServiceDatabases.Keys, Gateway];
}
