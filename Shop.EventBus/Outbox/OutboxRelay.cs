using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using Shop.Data;

namespace Shop.EventBus.Outbox;

/// <summary>
/// Publishes committed outbox rows in batches taken in write order, each row with a publisher confirm, and marks them
/// sent. While the broker is down it keeps trying with backoff; nothing is lost because a row stays pending until
/// confirmed. A PostgreSQL advisory lock lets one replica at a time relay, so batches go out in write order.
/// </summary>
/// <remarks>
/// Every commit that adds outbox rows wakes its own process's relay (<see cref="OutboxSignal"/>), so rows are found
/// without polling: the relay that was woken either takes the lock and reads them, or finds another replica holding it
/// and tries again shortly, since that replica may have read its batch before the commit. The poll
/// (<see cref="MessagingOptions.OutboxPollInterval"/>) is only the safety net for rows whose writer stopped between
/// its commit and its relay's pass, so an idle service runs a relay pass twice a minute rather than every second.
/// </remarks>
internal sealed partial class OutboxRelay<TContext>(
    IServiceScopeFactory scopeFactory,
    DatabaseMigrationStatus<TContext> migrations,
    BrokerChannels broker,
    OutboxSignal signal,
    MessagingTelemetry telemetry,
    TimeProvider time,
    IOptions<MessagingOptions> options,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    // Any constant works: each service has its own database. It only has to differ from other advisory locks there.
    private const long RelayLockKey = 0x5348_4F50_4F55_5458; // "SHOPOUTX"

    // How soon a relay that found another replica relaying tries again: about one batch's publish and commit.
    private static readonly TimeSpan BusyRetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly MessagingOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migrations.WhenAppliedAsync(stoppingToken);
        var backoff = new RetrySchedule(TimeSpan.FromMilliseconds(250), _options.OutboxMaxRetryDelay);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            RelayPass pass;
            try
            {
                pass = await RelayBatchAsync(stoppingToken);
                if (failures > 0)
                {
                    LogRecovered(failures);
                }

                failures = 0;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                failures++;
                var delay = backoff.DelayAfter(failures);
                LogRelayFailed(exception, failures, delay);
                await Task.Delay(delay, time, stoppingToken);
                continue;
            }

            switch (pass)
            {
                case RelayPass.Busy:
                    await Task.Delay(BusyRetryDelay, time, stoppingToken);
                    break;
                case RelayPass.Drained:
                    await signal.WaitAsync(_options.OutboxPollInterval, stoppingToken);
                    break;
            }
        }
    }

    private enum RelayPass
    {
        /// <summary>Every pending row was published.</summary>
        Drained,

        /// <summary>The batch was full: more rows may be waiting.</summary>
        More,

        /// <summary>Another replica holds the relay lock and may have read its batch before the rows that woke this one.</summary>
        Busy,
    }

    private async Task<RelayPass> RelayBatchAsync(CancellationToken ct)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        return await db.InTransactionAsync(async (transaction, token) =>
        {
            if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({RelayLockKey}) AS \"Value\"").SingleAsync(token))
            {
                return RelayPass.Busy;
            }

            var pending = await db.Set<OutboxMessage>()
                .Where(message => message.SentAt == null)
                .OrderBy(message => message.Sequence)
                .Take(_options.OutboxBatchSize)
                .ToListAsync(token);

            // Counted only when the batch is full; otherwise the batch is the whole backlog.
            var backlog = pending.Count < _options.OutboxBatchSize
                ? pending.Count
                : await db.Set<OutboxMessage>().CountAsync(message => message.SentAt == null, token);

            // The whole batch is published at once and the confirms are awaited together: one confirm round trip per
            // batch instead of per event. Consumers handle events concurrently and the saga tolerates any
            // interleaving, so nothing relies on order within a batch.
            var confirms = pending.Select(message => (Message: message, Confirm: PublishAsync(message, token))).ToList();
            var published = 0;
            Exception? failure = null;
            foreach (var (message, confirm) in confirms)
            {
                try
                {
                    await confirm;
                    message.SentAt = time.GetUtcNow();
                    published++;
                }
                catch (Exception exception)
                {
                    failure ??= exception;
                }
            }

            // What the broker confirmed is recorded even when another publish failed; the rest stays pending, and
            // the gauge shows it while the broker is down.
            telemetry.OutboxBacklog(backlog - published);
            await db.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            if (failure is not null)
            {
                ExceptionDispatchInfo.Throw(failure);
            }

            return pending.Count == _options.OutboxBatchSize ? RelayPass.More : RelayPass.Drained;
        }, ct);
    }

    private async Task PublishAsync(OutboxMessage message, CancellationToken ct)
    {
        ActivityContext.TryParse(message.TraceParent, message.TraceState, isRemote: false, out var parent);
        using var activity = telemetry.StartSend(_options.Exchange, message.Type, message.Id, parent);

        // The envelope carries the send span's context (or the writer's, when nothing is listening) to the consumer.
        using var payload = JsonDocument.Parse(message.Payload);
        var envelope = new EventEnvelope(
            message.Id,
            message.Type,
            message.OccurredAt,
            activity?.Id ?? message.TraceParent,
            activity?.TraceStateString ?? message.TraceState,
            payload.RootElement);
        var body = envelope.ToUtf8Bytes();

        var properties = EventProperties.Create(message.Id, message.Type, message.OccurredAt);
        await broker.PublishAsync(_options.Exchange, message.Type, mandatory: false, properties, body, ct);
        telemetry.Published(message.Type);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relaying outbox events failed ({Failures} in a row); retrying in {Delay}")]
    private partial void LogRelayFailed(Exception exception, int failures, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox relay recovered after {Failures} failed attempts")]
    private partial void LogRecovered(int failures);
}
