using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shop.ServiceDefaults;

namespace Shop.Data;

/// <summary>
/// Applies pending migrations and the seed once at startup, retrying while the database is unreachable (it may still be starting),
/// so a service never has to be restarted by hand because it came up first.
/// </summary>
internal sealed partial class DatabaseMigrator<TContext>(
    IServiceScopeFactory scopeFactory,
    DatabaseMigrationStatus<TContext> status,
    DatabaseSeed<TContext> seed,
    ServiceTelemetry telemetry,
    ILogger<DatabaseMigrator<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retryDelay = TimeSpan.FromMilliseconds(500);
        for (var attempt = 1; ; attempt++)
        {
            using var activity = telemetry.ActivitySource.StartActivity($"Migrate {typeof(TContext).Name}");
            try
            {
                await using var scope = scopeFactory.CreateAsyncScope();
                var context = scope.ServiceProvider.GetRequiredService<TContext>();
                await MigrationPreparation.CreateDatabaseIfMissingAsync(context, stoppingToken);
                await using (await MigrationLock.AcquireAsync(context, stoppingToken))
                {
                    await MigrationPreparation.CreateHistoryTableIfMissingAsync(context, stoppingToken);
                    await context.Database.MigrateAsync(stoppingToken);
                    await seed.Apply(scope.ServiceProvider, context, stoppingToken);
                }

                status.MarkApplied();
                LogApplied(typeof(TContext).Name, attempt);
                return;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                activity?.AddException(exception);
                LogRetrying(exception, typeof(TContext).Name, attempt, retryDelay);
            }

            await Task.Delay(retryDelay, stoppingToken);
            retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, MaxRetryDelay.Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Migrations and seed of {Context} applied (attempt {Attempt})")]
    private partial void LogApplied(string context, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Migrating {Context} failed (attempt {Attempt}); retrying in {Delay}")]
    private partial void LogRetrying(Exception exception, string context, int attempt, TimeSpan delay);
}
