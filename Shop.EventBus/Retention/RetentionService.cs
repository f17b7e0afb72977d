using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.Data;

namespace Shop.EventBus.Retention;

/// <summary>
/// Runs <see cref="RetentionCleanup"/> every <see cref="MessagingOptions.CleanupInterval"/>, apart from the relay and
/// the consumers, so no publish or handled event waits for a delete. Every instance cleans; replicas that overlap
/// only find fewer rows. The first pass comes at a random point of the first interval, so services and replicas
/// started together do not all delete at the same moment.
/// </summary>
internal sealed partial class RetentionService<TContext>(
    IServiceScopeFactory scopeFactory,
    DatabaseMigrationStatus<TContext> migrations,
    TimeProvider time,
    IOptions<MessagingOptions> options,
    ILogger<RetentionService<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private readonly MessagingOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migrations.WhenAppliedAsync(stoppingToken);
        var delay = _options.CleanupInterval * Random.Shared.NextDouble();
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(delay, time, stoppingToken);
            delay = _options.CleanupInterval;
            try
            {
                await using var scope = scopeFactory.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TContext>();
                var deleted = await RetentionCleanup.RunAsync(db, _options, time.GetUtcNow(), stoppingToken);
                if (deleted.DeletedAny)
                {
                    LogDeleted(deleted.OutboxRows, deleted.InboxRows);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Nothing is lost by a missed pass: the next one deletes what this one left.
                LogFailed(exception, _options.CleanupInterval);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {OutboxRows} sent outbox rows and {InboxRows} inbox rows")]
    private partial void LogDeleted(int outboxRows, int inboxRows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention clean-up failed; the next attempt is in {Interval}")]
    private partial void LogFailed(Exception exception, TimeSpan interval);
}
