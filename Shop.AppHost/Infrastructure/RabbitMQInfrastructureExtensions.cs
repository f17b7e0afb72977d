using Aspire.Hosting.Local;

namespace Aspire.Hosting;

public static class RabbitMQInfrastructureExtensions
{
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

        var container = builder.AddRabbitMQ(name, password: password);
        if (!infrastructure.IsEphemeral)
        {
            // A fixed name (Aspire's default hashes the AppHost path) keeps the data and the manifest the same on every clone.
            container.WithDataVolume($"shop-{name}-data");
        }

        return container;
    }
}
