using Shop.Tests.Integration;

namespace Shop.Tests.Security;

/// <summary>The connection strings the AppHost gave one running service, read from its resource's environment.</summary>
internal sealed record ServiceCredentials(string Database, string Messaging)
{
    public static ServiceCredentials Of(ShopApp shop, string service)
    {
        ArgumentNullException.ThrowIfNull(shop);
        Assert.True(shop.App.ResourceNotifications.TryGetCurrentState(service, out var resourceEvent));
        var environment = resourceEvent.Snapshot.EnvironmentVariables;

        string Value(string name) => environment.Single(variable => variable.Name == name).Value
            ?? throw new InvalidOperationException($"{service} has no value for {name}.");

        return new ServiceCredentials(
            Value($"ConnectionStrings__{ShopResources.ServiceDatabases[service]}"),
            Value($"ConnectionStrings__{ShopResources.Messaging}"));
    }
}
