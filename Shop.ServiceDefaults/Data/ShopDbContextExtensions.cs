using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

public static class ShopDbContextExtensions
{
    /// <summary>Connections one service instance may hold (<c>Shop:Database:MaxPoolSize</c>).</summary>
    public const string MaxPoolSizeSetting = "Shop:Database:MaxPoolSize";

    /// <summary>
    /// Npgsql's default of 100 lets a single busy instance take every connection PostgreSQL allows (100 by default):
    /// under load the others, and any admin session, then fail with "too many clients" (seen in the benchmark). 12 per
    /// instance keeps run mode's 7 instances at 84 and serves a 2-core instance at full load. A deployment sizes it
    /// against max_connections (docs/deployment-guide.md).
    /// </summary>
    public const int DefaultMaxPoolSize = 12;

    /// <summary>
    /// The service's <typeparamref name="TContext"/> through Aspire's Npgsql integration (pooling, health check,
    /// retries, telemetry), with the connection pool capped at <see cref="MaxPoolSizeSetting"/>.
    /// </summary>
    public static IHostApplicationBuilder AddShopDbContext<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);

        var maxPoolSize = builder.Configuration.GetValue(MaxPoolSizeSetting, DefaultMaxPoolSize);
        builder.AddNpgsqlDbContext<TContext>(connectionName, settings =>
        {
            if (settings.ConnectionString is { } connectionString)
            {
                settings.ConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = maxPoolSize }.ConnectionString;
            }
        });
        return builder;
    }
}
