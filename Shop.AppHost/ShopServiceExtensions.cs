using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting;

public static class ShopServiceExtensions
{
    /// <summary>The gateway's port in run mode unless <c>Shop:GatewayPort</c> says otherwise (0 = any free port).</summary>
    public const int DefaultGatewayPort = 8000;

    /// <summary>A Shop service: its own database and the broker, and nothing else; it starts once both are healthy.</summary>
    public static IResourceBuilder<ProjectResource> AddShopService<TProject>(
        this IDistributedApplicationBuilder builder,
        string name,
        IResourceBuilder<IResourceWithConnectionString> database,
        IResourceBuilder<IResourceWithConnectionString> messaging)
        where TProject : IProjectMetadata, new()
    {
        ArgumentNullException.ThrowIfNull(builder);

        // No launch profile: ports are allocated by Aspire, so tests never collide with a running instance.
        return builder.AddProject<TProject>(name, launchProfileName: null)
            .WithHttpEndpoint()
            .WithHttpHealthCheck("/health")
            .WithReference(database).WaitFor(database)
            .WithReference(messaging).WaitFor(messaging);
    }

    /// <summary>The single public entry: a fixed, documented port in run mode (<c>Shop:GatewayPort</c>, default 8000).</summary>
    public static IResourceBuilder<ProjectResource> WithGatewayHttpEndpoint(this IResourceBuilder<ProjectResource> gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);

        var configuredPort = gateway.ApplicationBuilder.Configuration.GetValue("Shop:GatewayPort", DefaultGatewayPort);
        int? port = gateway.ApplicationBuilder.ExecutionContext.IsRunMode && configuredPort > 0 ? configuredPort : null;

        return gateway
            .WithHttpEndpoint(port: port)
            .WithHttpHealthCheck("/health");
    }
}
