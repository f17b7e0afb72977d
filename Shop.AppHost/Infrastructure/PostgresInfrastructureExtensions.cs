using Shop.AppHost.Infrastructure;
using Shop.AppHost.Infrastructure.Local;

namespace Aspire.Hosting;

public static class PostgresInfrastructureExtensions
{
    /// <summary>
    /// The Shop PostgreSQL server: Aspire's container, or the machine's PostgreSQL run as an executable resource,
    /// as <see cref="ShopInfrastructure"/> decided. Either way the connection string has the same name and shape.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddShopPostgres(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var infrastructure = ShopInfrastructure.For(builder);
        var password = builder.AddGeneratedPassword($"{name}-password");

        if (infrastructure.Mode == InfrastructureMode.Local)
        {
            return builder.AddLocalPostgres(name, password, infrastructure);
        }

        var container = builder.AddPostgres(name, password: password);
        if (!builder.ExecutionContext.IsPublishMode)
        {
            container.WithDirectHostPort("tcp");
        }

        // A fixed name (Aspire's default hashes the AppHost path) keeps the data and the manifest the same on every clone.
        // Throwaway runs get a volume too: DCP recreates a container the stop/start commands restart, and its data must survive that.
        container.WithDataVolume(infrastructure.VolumeName(name));

        return container;
    }

    /// <summary>
    /// A database of the Shop PostgreSQL server, created when the server is first healthy. In a manifest it is a plain
    /// connection string (the server's plus <c>Database=</c>): Aspire's database resource also hands every referencing
    /// project URI-style variables built on an <c>annotated.string</c> resource aspirate cannot resolve. There the
    /// service's migrator creates the database on first start (EF Core creates a missing database before migrating).
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddShopDatabase(this IResourceBuilder<IResourceWithConnectionString> server, string name)
    {
        ArgumentNullException.ThrowIfNull(server);

        if (server.ApplicationBuilder.ExecutionContext.IsPublishMode)
        {
            return server.ApplicationBuilder.AddConnectionString(name, ReferenceExpression.Create($"{server.Resource};Database={name}"));
        }

        return server.Resource switch
        {
            PostgresServerResource container => server.ApplicationBuilder.CreateResourceBuilder(container).AddDatabase(name),
            LocalPostgresServerResource local => server.ApplicationBuilder.CreateResourceBuilder(local).AddDatabase(name),
            _ => throw new ArgumentException($"'{server.Resource.Name}' was not created by {nameof(AddShopPostgres)}.", nameof(server)),
        };
    }
}
