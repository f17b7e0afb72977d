namespace Shop.AppHost.Infrastructure;

/// <summary>
/// The Shop PostgreSQL server as <see cref="PostgresInfrastructureExtensions.AddShopPostgres"/> made it: the server
/// (whose connection string is the superuser's, for provisioning only) and the endpoint services connect to.
/// </summary>
public sealed record ShopPostgres(IResourceBuilder<IResourceWithConnectionString> Server, EndpointReference Endpoint)
{
    /// <summary>A connection string for <paramref name="role"/> to <paramref name="database"/>; never the superuser's.</summary>
    public ReferenceExpression ConnectionString(string role, ParameterResource password, string database) => ReferenceExpression.Create(
        $"Host={Endpoint.Property(EndpointProperty.Host)};Port={Endpoint.Property(EndpointProperty.Port)};Username={role};Password={password};Database={database}");
}
