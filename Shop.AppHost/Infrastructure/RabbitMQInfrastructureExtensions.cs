using Shop.AppHost.Infrastructure;
using Shop.AppHost.Infrastructure.Local;

namespace Aspire.Hosting;

public static class RabbitMQInfrastructureExtensions
{
    // The image AddRabbitMQ uses in Aspire 13.6.5, so a deployment runs the broker version the containers mode does.
    private const string PublishedBrokerImage = "library/rabbitmq";
    private const string PublishedBrokerTag = "4.3";
    private const int AmqpPort = 5672;
    private const string DefinitionsEnvironmentVariable = "SHOP_RABBITMQ_DEFINITIONS";

    /// <summary>
    /// The Shop RabbitMQ broker: Aspire's container, or the machine's RabbitMQ run as an executable resource,
    /// as <see cref="ShopInfrastructure"/> decided. In run mode the broker imports Shop's definitions at every boot
    /// (the administrator and one user per service, <see cref="ShopMessaging"/>), so it never has a <c>guest</c> user.
    /// </summary>
    public static ShopMessaging AddShopRabbitMQ(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var infrastructure = ShopInfrastructure.For(builder);
        var password = builder.AddGeneratedPassword($"{name}-password");

        if (infrastructure.Mode == InfrastructureMode.Local)
        {
            var local = builder.AddLocalRabbitMQ(name, password, infrastructure);
            var localMessaging = new ShopMessaging(local, password.Resource, local.Resource.PrimaryEndpoint);
            local.WithEnvironment(async context =>
                context.EnvironmentVariables[DefinitionsEnvironmentVariable] = await localMessaging.DefinitionsAsync(context.CancellationToken));
            return localMessaging;
        }

        if (builder.ExecutionContext.IsPublishMode)
        {
            var broker = builder.AddPublishedRabbitMQ(name, password, infrastructure);
            return new ShopMessaging(broker, password.Resource, broker.GetEndpoint("tcp"));
        }

        var administrator = builder.AddParameter($"{name}-user", ShopMessaging.Administrator);
        var container = builder.AddRabbitMQ(name, administrator, password)
            .WithDirectHostPort("tcp");
        // A fixed name (Aspire's default hashes the AppHost path) keeps the data and the manifest the same on every clone.
        // Throwaway runs get a volume too: DCP recreates a container the stop/start commands restart, and its data must survive that.
        container.WithDataVolume(infrastructure.VolumeName(name));

        var messaging = new ShopMessaging(container, password.Resource, container.Resource.PrimaryEndpoint);
        container.WithContainerFiles(BrokerDefinitionsFiles.ConfigDirectory, async (_, cancellationToken) =>
            BrokerDefinitionsFiles.Create(await messaging.DefinitionsAsync(cancellationToken)));
        return messaging;
    }

    /// <summary>
    /// The broker as a manifest describes it: a RabbitMQ container (<c>{name}-broker</c>) made only of what aspirate
    /// understands (<c>container.v0</c>, a secret <c>parameter.v0</c>). Services reach it with their own users, which
    /// the deployment's definitions file creates (deploy/kubernetes/new-secrets.sh, docs/security.md); the
    /// administrator named here exists only until those definitions are mounted.
    /// </summary>
    private static IResourceBuilder<ContainerResource> AddPublishedRabbitMQ(
        this IDistributedApplicationBuilder builder, string name, IResourceBuilder<ParameterResource> password, ShopInfrastructure infrastructure) =>
        builder.AddContainer($"{name}-broker", PublishedBrokerImage, PublishedBrokerTag)
            .WithImageRegistry("docker.io")
            .WithEnvironment("RABBITMQ_DEFAULT_USER", ShopMessaging.Administrator)
            .WithEnvironment("RABBITMQ_DEFAULT_PASS", password)
            // The node name must not follow the pod's changing host name, or a restarted pod cannot read its own data.
            .WithEnvironment("RABBITMQ_NODENAME", "rabbit@localhost")
            .WithEndpoint(targetPort: AmqpPort, name: "tcp", scheme: "tcp")
            .WithVolume(infrastructure.VolumeName(name), "/var/lib/rabbitmq");
}
