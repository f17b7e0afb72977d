using Shop.Tests.Api;
using Shop.Tests.Integration;

namespace Shop.Tests.Gateway;

/// <summary>
/// A Shop app of its own for tests that lower the gateway's limits or break its upstreams (kill a replica, stop a
/// service): three requests a minute on the notifications and docs routes, and a 2 s timeout on the payments route.
/// The gateway has forwarded headers switched on, as Aspire does in every deployment, and no trusted proxy.
/// </summary>
public sealed class GatewayEdgeApp : ShopApp
{
    public const int LoweredPermitLimit = 3;
    public static readonly TimeSpan PaymentsTimeout = TimeSpan.FromSeconds(2);

    public GatewayEdgeApp() => Api = new ShopApi(this);

    public ShopApi Api { get; }

    protected override IEnumerable<string> Settings =>
    [
        $"--Gateway:RateLimits:notifications:PermitLimit={LoweredPermitLimit}",
        $"--Gateway:RateLimits:docs:PermitLimit={LoweredPermitLimit}",
        $"--Gateway:ReverseProxy:Routes:payments:Timeout={PaymentsTimeout:c}",
        "--Gateway:ASPNETCORE_FORWARDEDHEADERS_ENABLED=true",
    ];
}

[CollectionDefinition(Name)]
public sealed class GatewayEdgeCollection : ICollectionFixture<GatewayEdgeApp>
{
    public const string Name = "Gateway edge app";
}
