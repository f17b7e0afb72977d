using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Shop.AppHost.Infrastructure;
using Shop.AppHost.Infrastructure.Local;
using Shop.AppHost.Infrastructure.Security;

namespace Aspire.Hosting;

public static class PostgresInfrastructureExtensions
{
    /// <summary>
    /// The Shop PostgreSQL server: Aspire's container, or the machine's PostgreSQL run as an executable resource,
    /// as <see cref="ShopInfrastructure"/> decided. Its superuser password is for the server and for provisioning only;
    /// services get their own roles (<see cref="AddShopDatabase"/>).
    /// </summary>
    public static ShopPostgres AddShopPostgres(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var infrastructure = ShopInfrastructure.For(builder);
        var password = builder.AddGeneratedPassword($"{name}-password");

        ShopPostgres postgres;
        if (infrastructure.Mode == InfrastructureMode.Local)
        {
            var local = builder.AddLocalPostgres(name, password, infrastructure);
            postgres = new ShopPostgres(local, local.Resource.PrimaryEndpoint);
        }
        else
        {
            var container = builder.AddPostgres(name, password: password);
            if (!builder.ExecutionContext.IsPublishMode)
            {
                container.WithDirectHostPort("tcp");
            }

            // A fixed name (Aspire's default hashes the AppHost path) keeps the data and the manifest the same on every clone.
            // Throwaway runs get a volume too: DCP recreates a container the stop/start commands restart, and its data must survive that.
            container.WithDataVolume(infrastructure.VolumeName(name));
            postgres = new ShopPostgres(container, container.Resource.PrimaryEndpoint);
        }

        if (builder.ExecutionContext.IsRunMode)
        {
            PostgresProvisioner.Register(builder, postgres.Server.Resource);
        }

        return postgres;
    }

    /// <summary>
    /// A database of the Shop PostgreSQL server owned by the login role <paramref name="owner"/>, whose password is its
    /// own secret parameter (<c>{owner}-db-password</c>). In run mode the AppHost creates both once the server is
    /// healthy (<see cref="PostgresProvisioner"/>). In a manifest it is a plain connection string: a deployment
    /// provisions the role and database itself (deploy/provision/postgres-roles.sh).
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddShopDatabase(this ShopPostgres server, string name, string owner)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);

        var builder = server.Server.ApplicationBuilder;
        var login = new DatabaseLogin(owner, builder.AddServicePassword($"{owner}-db-password").Resource);
        if (builder.ExecutionContext.IsPublishMode)
        {
            return builder.AddConnectionString(name, server.ConnectionString(login.Role, login.Password, name));
        }

        var database = new ShopDatabaseResource(name, login, server);
        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new PostgresHealthCheck(database), failureStatus: null, tags: null));

        return builder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                State = KnownResourceStates.Waiting,
                Properties = [],
            })
            .WithHealthCheck(healthCheckKey);
    }
}
