using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Shop.AppHost.Infrastructure.Local;

public static class LocalPostgresExtensions
{
    internal static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder,
        string name,
        IResourceBuilder<ParameterResource> password,
        ShopInfrastructure infrastructure)
    {
        var binDirectory = LocalBinaries.PostgresBinDirectory(builder.Configuration);

        var server = new LocalPostgresServerResource(name, builder.AppHostDirectory, password.Resource);
        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new PostgresHealthCheck(server), failureStatus: null, tags: null));

        return builder.AddResource(server)
            .WithArgs(LocalScripts.Path(builder, "postgres.sh"))
            // No DCP proxy: every query of every service would otherwise cross a userspace TCP proxy (measured in
            // bench/README.md), and a stopped server refuses connections at once instead of hanging them.
            .WithEndpoint(name: LocalPostgresServerResource.PrimaryEndpointName, scheme: "tcp", port: LoopbackPort.Free(), env: "SHOP_PG_PORT", isProxied: false)
            .WithEnvironment("SHOP_PG_BIN", binDirectory)
            .WithEnvironment("SHOP_PG_DATA", Path.Combine(infrastructure.DataDirectory, name))
            .WithEnvironment("POSTGRES_PASSWORD", password)
            .WithHealthCheck(healthCheckKey);
    }
}
