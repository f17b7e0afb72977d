namespace Shop.AppHost.Services;

/// <summary>
/// One logical Shop service, run as one or more project resources: <c>orders</c>, <c>orders-2</c>, … Callers get one
/// service-discovery address per instance (<c>services__orders__http__0</c>, <c>__1</c>, …) and balance across them
/// themselves, because DCP's single proxy in front of <c>WithReplicas</c> pins each pooled connection to one replica
/// (microsoft/aspire#6640, #9486). See docs/architecture.md, "Replicas and load balancing".
/// </summary>
public sealed class ShopService
{
    internal ShopService(string name, IReadOnlyList<IResourceBuilder<ProjectResource>> instances)
    {
        Name = name;
        Instances = instances;
    }

    /// <summary>The logical name callers resolve (<c>http://orders</c>); also the first instance's resource name.</summary>
    public string Name { get; }

    public IReadOnlyList<IResourceBuilder<ProjectResource>> Instances { get; }

    /// <summary>Every instance of this service can call every instance of <paramref name="service"/> by its logical name.</summary>
    public ShopService WithReference(ShopService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return WithEachInstance(instance => instance.WithReference(service));
    }

    /// <summary>Every instance of this service gets <paramref name="parameter"/>'s value as <paramref name="name"/>.</summary>
    public ShopService WithEnvironment(string name, IResourceBuilder<ParameterResource> parameter) =>
        WithEachInstance(instance => instance.WithEnvironment(name, parameter));

    /// <summary>Applies the same configuration to every instance.</summary>
    internal ShopService WithEachInstance(Action<IResourceBuilder<ProjectResource>> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);

        foreach (var instance in Instances)
        {
            configure(instance);
        }

        return this;
    }
}
