using Microsoft.Extensions.Configuration;
using Shop.AppHost.Infrastructure;

namespace Aspire.Hosting;

public static class GatewayResourceExtensions
{
    /// <summary>The gateway's port in run mode unless <c>Shop:GatewayPort</c> says otherwise (0 = any free port).</summary>
    public const int DefaultGatewayPort = 8000;

    /// <summary>AppHost settings under this section become the gateway's own configuration (<c>Gateway:RateLimits:…</c> → <c>RateLimits:…</c>).</summary>
    public const string ConfigurationSection = "Gateway";

    private const string ManagementEndpoint = "management";

    /// <summary>
    /// The single public entry on a fixed, documented port in run mode (<c>Shop:GatewayPort</c>, default 8000), and a
    /// second, internal "management" port for its health endpoints, which the public port does not serve.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithGatewayEndpoints(this IResourceBuilder<ProjectResource> gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);

        // In run mode Kestrel itself listens, as the services do (ShopServiceExtensions): DCP's proxy in front of the
        // public port costs CPU on every request (measured in bench/README.md, "What moved the figures").
        // External is marked before the management endpoint exists, so only the public one is external.
        var runMode = gateway.ApplicationBuilder.ExecutionContext.IsRunMode;
        var configuredPort = gateway.ApplicationBuilder.Configuration.GetValue("Shop:GatewayPort", DefaultGatewayPort);
        gateway
            .WithHttpEndpoint(port: runMode ? (configuredPort > 0 ? configuredPort : LoopbackPort.Free()) : null, isProxied: !runMode)
            .WithExternalHttpEndpoints()
            .WithHttpEndpoint(name: ManagementEndpoint, port: runMode ? LoopbackPort.Free() : null, isProxied: !runMode);

        return gateway
            .WithEnvironment("Shop__ManagementPort", gateway.GetEndpoint(ManagementEndpoint).Property(EndpointProperty.TargetPort))
            .WithHttpHealthCheck("/health", endpointName: ManagementEndpoint);
    }

    /// <summary>
    /// Passes the AppHost's <c>Gateway</c> section to the gateway, so a run can change its limits and routes without
    /// editing its appsettings.json: <c>dotnet run --project Shop.AppHost -- --Gateway:RateLimits:orders:PermitLimit=5000</c>.
    /// In run mode the gateway also gets the AppHost's environment (Development locally: CORS allows localhost origins).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithGatewayConfiguration(this IResourceBuilder<ProjectResource> gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);

        var builder = gateway.ApplicationBuilder;
        gateway.WithAppHostSection(ConfigurationSection, targetSection: null);

        if (builder.ExecutionContext.IsRunMode)
        {
            gateway.WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName);
        }

        return gateway;
    }
}
