using Shop.AppHost.Infrastructure.Security;

namespace Shop.AppHost.Infrastructure;

/// <summary>
/// The Shop RabbitMQ broker as <see cref="RabbitMQInfrastructureExtensions.AddShopRabbitMQ"/> made it. Its own
/// connection string is the administrator's (health checks, tests); each service gets a user of its own
/// (<see cref="AddServiceUser"/>), which the broker's definitions create (<see cref="BrokerDefinitions"/>).
/// </summary>
public sealed class ShopMessaging
{
    /// <summary>The broker's administrator; no service logs in as it.</summary>
    public const string Administrator = "shop-admin";

    private readonly List<(string Service, ParameterResource Password)> _users = [];

    internal ShopMessaging(IResourceBuilder<IResource> server, ParameterResource administratorPassword, EndpointReference endpoint)
    {
        Server = server;
        AdministratorPassword = administratorPassword;
        Endpoint = endpoint;
    }

    /// <summary>What services wait for: the broker (run mode) or its container (a manifest).</summary>
    public IResourceBuilder<IResource> Server { get; }

    public ParameterResource AdministratorPassword { get; }

    public EndpointReference Endpoint { get; }

    /// <summary>Adds <paramref name="service"/>'s broker user, whose password is the secret parameter <c>{service}-messaging-password</c>.</summary>
    public ReferenceExpression AddServiceUser(string service)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);

        var password = Server.ApplicationBuilder.AddServicePassword($"{service}-messaging-password").Resource;
        _users.Add((service, password));

        // The generated password is letters and digits, so it needs no escaping in the URI (docs/deployment-guide.md).
        return ReferenceExpression.Create(
            $"amqp://{service}:{password}@{Endpoint.Property(EndpointProperty.Host)}:{Endpoint.Property(EndpointProperty.Port)}");
    }

    /// <summary>The definitions document with every user added so far, hashed from the parameters' current values.</summary>
    public async Task<string> DefinitionsAsync(CancellationToken cancellationToken)
    {
        var administrator = new BrokerUser(Administrator, await ValueAsync(AdministratorPassword, cancellationToken));
        var services = new List<BrokerUser>();
        foreach (var (service, password) in _users)
        {
            services.Add(new BrokerUser(service, await ValueAsync(password, cancellationToken)));
        }

        return BrokerDefinitions.Create(administrator, services);
    }

    private static async Task<string> ValueAsync(ParameterResource parameter, CancellationToken cancellationToken) =>
        await parameter.GetValueAsync(cancellationToken) ?? throw new InvalidOperationException($"The parameter '{parameter.Name}' has no value.");
}
