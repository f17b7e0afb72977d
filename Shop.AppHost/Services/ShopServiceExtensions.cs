using Microsoft.Extensions.Configuration;
using Shop.AppHost.Infrastructure;
using Shop.AppHost.Services;

namespace Aspire.Hosting;

public static class ShopServiceExtensions
{
    private const string HttpEndpoint = "http";

    // The name services' RabbitMQ client reads (AddRabbitMQClient("messaging")).
    private const string MessagingConnectionName = "messaging";

    // The event bus's settings (MessagingOptions): the AppHost's Messaging section reaches every service, e.g.
    // --Messaging:OutboxRetention=00:03:00 for a soak that shows the clean-up at work.
    private const string MessagingSection = "Messaging";

    /// <summary>
    /// A Shop service: its own database and the broker, reached with its own credentials and nothing else; it starts
    /// once both are healthy. In run mode
    /// it runs <c>Shop:Replicas:{name}</c> instances (default 1); a manifest always has one, since Kubernetes scales a
    /// deployment itself.
    /// </summary>
    public static ShopService AddShopService<TProject>(
        this IDistributedApplicationBuilder builder,
        string name,
        IResourceBuilder<IResourceWithConnectionString> database,
        ShopMessaging messaging)
        where TProject : IProjectMetadata, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(messaging);

        var brokerConnection = messaging.AddServiceUser(name);
        var replicas = builder.ExecutionContext.IsRunMode ? Math.Max(1, builder.Configuration.GetValue($"Shop:Replicas:{name}", 1)) : 1;
        var instances = Enumerable.Range(1, replicas)
            .Select(number =>
            {
                // No launch profile: ports are allocated by Aspire, so tests never collide with a running instance.
                var instance = builder.AddProject<TProject>(number == 1 ? name : $"{name}-{number}", launchProfileName: null);

                // In run mode every instance listens on its own port, without DCP's proxy: a dead instance then refuses
                // connections at once (a proxied port of a stopped process accepts and hangs), so the gateway's retry
                // and health checks react in milliseconds, and no request pays for a userspace proxy hop (measured in
                // bench/README.md). Aspire allocates no port for a proxy-less endpoint, hence the free one. A manifest
                // keeps the default endpoint: Kubernetes gives each service its port.
                return builder.ExecutionContext.IsRunMode
                    ? instance.WithHttpEndpoint(port: LoopbackPort.Free(), isProxied: false)
                    : instance.WithHttpEndpoint();
            })
            .ToList();

        return new ShopService(name, instances).WithEachInstance(instance => instance
            .WithBuildOutputLaunch()
            .WithPlainHttp()
            .WithOtlpOnlyToDashboard()
            .WithHttpHealthCheck("/health")
            .WithAppHostSection(MessagingSection, MessagingSection)
            .WithReference(database).WaitFor(database)
            .WithEnvironment($"ConnectionStrings__{MessagingConnectionName}", brokerConnection).WaitFor(messaging.Server));
    }

    /// <summary>Service discovery for every instance of <paramref name="service"/>, under its one logical name.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> resource, ShopService service)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(service);

        resource.WithReference(service.Instances[0]);
        for (var index = 1; index < service.Instances.Count; index++)
        {
            resource.WithEnvironment($"services__{service.Name}__{HttpEndpoint}__{index}", service.Instances[index].GetEndpoint(HttpEndpoint));
        }

        return resource;
    }

    /// <summary>Waits until every instance of <paramref name="service"/> is healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> resource, ShopService service)
        where T : IResourceWithWaitSupport
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(service);

        foreach (var instance in service.Instances)
        {
            resource.WaitFor(instance);
        }

        return resource;
    }
}
