using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Shop.AppHost.Infrastructure.Local;

public static class LocalRabbitMQExtensions
{
    internal static IResourceBuilder<LocalRabbitMQServerResource> AddLocalRabbitMQ(
        this IDistributedApplicationBuilder builder,
        string name,
        IResourceBuilder<ParameterResource> password,
        ShopInfrastructure infrastructure)
    {
        var rabbitMQServer = LocalBinaries.RabbitMQServer(builder.Configuration);

        var server = new LocalRabbitMQServerResource(name, builder.AppHostDirectory, password.Resource);
        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new RabbitMQHealthCheck(server), failureStatus: null, tags: null));

        // Erlang distribution and a private epmd get free ports too, so two Shops (or a test run beside a developer's
        // instance) never meet on epmd's default 4369. No DCP proxy, as for PostgreSQL: AMQP frames go straight to the broker.
        return builder.AddResource(server)
            .WithArgs(LocalScripts.Path(builder, "rabbitmq.sh"))
            .WithEndpoint(name: LocalRabbitMQServerResource.PrimaryEndpointName, scheme: "tcp", port: LoopbackPort.Free(), env: "SHOP_RABBITMQ_PORT", isProxied: false)
            .WithEndpoint(name: LocalRabbitMQServerResource.DistributionEndpointName, scheme: "tcp", port: LoopbackPort.Free(), env: "SHOP_RABBITMQ_DIST_PORT", isProxied: false)
            .WithEndpoint(name: LocalRabbitMQServerResource.EpmdEndpointName, scheme: "tcp", port: LoopbackPort.Free(), env: "SHOP_EPMD_PORT", isProxied: false)
            .WithEnvironment("SHOP_RABBITMQ_SERVER", rabbitMQServer)
            .WithEnvironment("SHOP_RABBITMQ_HOME", Path.Combine(infrastructure.DataDirectory, name))
            .WithHealthCheck(healthCheckKey);
    }
}
