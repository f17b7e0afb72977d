using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class DatabaseMigrationExtensions
{
    /// <summary>
    /// Applies <typeparamref name="TContext"/>'s EF Core migrations at startup. Until they are applied the service's
    /// <c>/health</c> reports Unhealthy, so nothing routes traffic to a service whose schema is not ready.
    /// </summary>
    public static IHostApplicationBuilder AddDatabaseMigrations<TContext>(this IHostApplicationBuilder builder)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddSingleton<DatabaseMigrationStatus<TContext>>();
        builder.Services.AddHostedService<DatabaseMigrator<TContext>>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseMigrationHealthCheck<TContext>>($"{typeof(TContext).Name} migrations");

        return builder;
    }
}
