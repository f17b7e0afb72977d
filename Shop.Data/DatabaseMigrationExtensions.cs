using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shop.Data;
using Shop.ServiceDefaults;

namespace Microsoft.Extensions.Hosting;

public static class DatabaseMigrationExtensions
{
    /// <summary>
    /// Applies <typeparamref name="TContext"/>'s EF Core migrations at startup, then runs <paramref name="seed"/> (which
    /// must be idempotent: every replica runs it). Until both are done the service's <c>/health</c> answers 503 (the
    /// start-up gate, which also keeps the API at 503),
    /// so nothing routes traffic to a service whose schema or required data is not ready, and its API answers 503.
    /// </summary>
    public static IHostApplicationBuilder AddDatabaseMigrations<TContext>(
        this IHostApplicationBuilder builder,
        Func<IServiceProvider, TContext, CancellationToken, Task>? seed = null)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddSingleton(new DatabaseSeed<TContext>(seed ?? ((_, _, _) => Task.CompletedTask)));
        builder.Services.AddSingleton<DatabaseMigrationStatus<TContext>>();
        builder.Services.AddSingleton<IStartupStep>(services => services.GetRequiredService<DatabaseMigrationStatus<TContext>>());
        builder.Services.AddHostedService<DatabaseMigrator<TContext>>();

        return builder;
    }
}
