using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Shop.Data;

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

    // EF Core's defaults (6 retries, up to 30 s apart) hold a request for about a minute while the database is down,
    // past every gateway timeout. Three retries 0, 1 and 2 s apart ride out a blip and still answer 503 within seconds.
    private const int MaxRetryCount = 3;
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(2);

    // The builder lists only the keywords a connection string sets, under these canonical names.
    private const string GssEncryptionModeKeyword = "GSS Encryption Mode";

    /// <summary>
    /// The service's <typeparamref name="TContext"/> through Aspire's Npgsql integration (pooling, health check,
    /// telemetry), with short retries, a 503 for an unreachable database, a 400 for text PostgreSQL cannot store, the
    /// connection pool capped at <see cref="MaxPoolSizeSetting"/>, and GSS encryption off unless the connection string
    /// sets it. A missing connection string fails the start.
    /// </summary>
    public static IHostApplicationBuilder AddShopDbContext<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);

        var maxPoolSize = builder.Configuration.GetValue(MaxPoolSizeSetting, DefaultMaxPoolSize);
        string? connectionString = null;
        builder.AddNpgsqlDbContext<TContext>(
            connectionName,
            settings =>
            {
                if (settings.ConnectionString is { } configured)
                {
                    settings.ConnectionString = WithShopDefaults(configured, maxPoolSize);
                }

                connectionString = settings.ConnectionString;
                settings.DisableRetry = true; // replaced below by a shorter strategy
            },
            options => options.UseNpgsql(npgsql => npgsql.EnableRetryOnFailure(MaxRetryCount, MaxRetryDelay, errorCodesToAdd: null)));
        // Aspire reads the connection string when the first DbContext is made, after the service is already listening.
        builder.Services.RequireSetting($"ConnectionStrings:{connectionName}", connectionString);
        builder.Services.AddExceptionHandler<UnstorableTextExceptionHandler>();
        builder.Services.AddExceptionHandler<UnreachableDatabaseExceptionHandler>();
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource("Npgsql"))
            .WithMetrics(metrics => metrics.AddMeter("Npgsql", "Microsoft.EntityFrameworkCore"));
        return builder;
    }

    // Shop never authenticates with Kerberos, but Npgsql's default (GSS Encryption Mode=Prefer) loads libgssapi_krb5
    // for every new connection and logs an error once per process where it is absent, as in the container images.
    private static string WithShopDefaults(string connectionString, int maxPoolSize)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = maxPoolSize };
        if (!builder.Keys.Cast<string>().Contains(GssEncryptionModeKeyword, StringComparer.OrdinalIgnoreCase))
        {
            builder.GssEncryptionMode = GssEncryptionMode.Disable;
        }

        return builder.ConnectionString;
    }
}
