using Shop.AppHost.Infrastructure;
using Shop.AppHost.Infrastructure.Local;

namespace Aspire.Hosting;

public static class RabbitMQInfrastructureExtensions
{
    // The image AddRabbitMQ uses in Aspire 13.6.5, so a deployment runs the broker version the containers mode does.
    private const string PublishedBrokerImage = "library/rabbitmq";
    private const string PublishedBrokerTag = "4.3";
    private const int AmqpPort = 5672;

    /// <summary>
    /// The Shop RabbitMQ broker: Aspire's container, or the machine's RabbitMQ run as an executable resource,
    /// as <see cref="ShopInfrastructure"/> decided. Either way the connection string has the same name and shape.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddShopRabbitMQ(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var infrastructure = ShopInfrastructure.For(builder);
        var password = builder.AddGeneratedPassword($"{name}-password");

        if (infrastructure.Mode == InfrastructureMode.Local)
        {
            return builder.AddLocalRabbitMQ(name, password, infrastructure);
        }

        if (builder.ExecutionContext.IsPublishMode)
        {
            return builder.AddPublishedRabbitMQ(name, password, infrastructure);
        }

        var container = builder.AddRabbitMQ(name, password: password)
            .WithDirectHostPort("tcp");
        // A fixed name (Aspire's default hashes the AppHost path) keeps the data and the manifest the same on every clone.
        // Throwaway runs get a volume too: DCP recreates a container the stop/start commands restart, and its data must survive that.
        container.WithDataVolume(infrastructure.VolumeName(name));

        return container;
    }

    /// <summary>
    /// The broker as a manifest describes it: a RabbitMQ container (<c>{name}-broker</c>) and a connection string named
    /// <paramref name="name"/>, both made only of what aspirate understands (<c>container.v0</c>, <c>value.v0</c>, a
    /// secret <c>parameter.v0</c>). <c>AddRabbitMQ</c> is not used here: its connection string refers to an
    /// <c>annotated.string</c> resource (<c>{name}-password-uri-encoded</c>) that aspirate skips, which leaves the
    /// placeholder itself in the Kubernetes output. The password goes into the URI as it is, so it must be URI-safe
    /// (the generated one is letters and digits; docs/deployment-guide.md).
    /// </summary>
    private static IResourceBuilder<IResourceWithConnectionString> AddPublishedRabbitMQ(
        this IDistributedApplicationBuilder builder, string name, IResourceBuilder<ParameterResource> password, ShopInfrastructure infrastructure)
    {
        var broker = builder.AddContainer($"{name}-broker", PublishedBrokerImage, PublishedBrokerTag)
            .WithImageRegistry("docker.io")
            .WithEnvironment("RABBITMQ_DEFAULT_USER", "guest")
            .WithEnvironment("RABBITMQ_DEFAULT_PASS", password)
            // The node name must not follow the pod's changing host name, or a restarted pod cannot read its own data.
            .WithEnvironment("RABBITMQ_NODENAME", "rabbit@localhost")
            .WithEndpoint(targetPort: AmqpPort, name: "tcp", scheme: "tcp")
            .WithVolume(infrastructure.VolumeName(name), "/var/lib/rabbitmq");
        var endpoint = broker.GetEndpoint("tcp");

        return builder.AddConnectionString(
            name,
            ReferenceExpression.Create($"amqp://guest:{password}@{endpoint.Property(EndpointProperty.Host)}:{endpoint.Property(EndpointProperty.Port)}"));
    }
}
