using Shop.AppHost.Infrastructure.Security;

namespace Shop.AppHost.Infrastructure;

/// <summary>
/// A service's database in run mode: created with its owner role by <see cref="PostgresProvisioner"/> once the server
/// is healthy, and Running from then on. Its connection string logs in as that role, never as the superuser.
/// </summary>
public sealed class ShopDatabaseResource(string name, DatabaseLogin owner, ShopPostgres server)
    : Resource(name), IResourceWithConnectionString, IResourceWithWaitSupport
{
    public string DatabaseName => Name;

    public DatabaseLogin Owner { get; } = owner;

    public IResource Server => server.Server.Resource;

    public ReferenceExpression ConnectionStringExpression { get; } = server.ConnectionString(owner.Role, owner.Password, name);
}
