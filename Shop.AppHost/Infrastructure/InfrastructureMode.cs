namespace Shop.AppHost.Infrastructure;

/// <summary>How PostgreSQL and RabbitMQ are provided (setting <c>Shop:Infrastructure</c>).</summary>
public enum InfrastructureMode
{
    /// <summary>Containers when a container runtime answers, otherwise local executables.</summary>
    Auto,

    /// <summary>Aspire's PostgreSQL and RabbitMQ container resources.</summary>
    Containers,

    /// <summary>The machine's own PostgreSQL and RabbitMQ packages, run as Aspire executable resources.</summary>
    Local,
}
