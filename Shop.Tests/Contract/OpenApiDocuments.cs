namespace Shop.Tests.Contract;

/// <summary>
/// The committed OpenAPI documents (<c>docs/openapi/{service}.json</c>): what clients generate from and what the
/// contract checks hold every response to. <see cref="OpenApiDocumentTests"/> keeps them equal to what the services serve.
/// </summary>
internal static class OpenApiDocuments
{
    public static readonly string[] Services = ["users", "inventory", "orders", "payments", "notifications"];

    /// <summary>Set to 1 to rewrite the committed documents from the running services instead of comparing.</summary>
    public const string AcceptVariable = "SHOP_ACCEPT_OPENAPI";

    public static string Directory { get; } = Path.Combine(ShopTestPaths.RepositoryRoot, "docs", "openapi");

    public static string PathOf(string service) => Path.Combine(Directory, $"{service}.json");
}
