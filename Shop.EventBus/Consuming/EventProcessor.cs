using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shop.Data;
using Shop.EventBus.Inbox;
using Shop.EventBus.Outbox;

namespace Shop.EventBus.Consuming;

/// <summary>
/// The inbox: the handler's changes and the record that the event was handled commit in one transaction, so an
/// event redelivered after a crash, or published twice, has its effects once.
/// </summary>
internal sealed class EventProcessor<TContext>(
    IServiceScopeFactory scopeFactory,
    DatabaseMigrationStatus<TContext> migrations,
    OutboxSignal signal,
    TimeProvider time) : IEventProcessor
    where TContext : DbContext
{
    public Task WhenReadyAsync(CancellationToken ct) => migrations.WhenAppliedAsync(ct);

    public async Task<bool> ProcessAsync(EventEnvelope envelope, EventSubscription subscription, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(subscription);

        await using var scope = scopeFactory.CreateAsyncScope();
        var handled = await RecordAsync(
            scope.ServiceProvider, envelope, (services, token) => subscription.InvokeAsync(services, envelope.Data, token), ct);

        // Asked of the outbox rather than of the change tracker, because a handler that saves its own changes leaves
        // its events Unchanged before the commit: it then waited for the relay's poll.
        if (handled && scope.ServiceProvider.GetService<IOutbox>() is EntityFrameworkOutbox<TContext> { HasAddedEvents: true })
        {
            // The events the handler wrote to the outbox are committed now. Most handlers write none, and waking the
            // relay for them cost a transaction that found nothing (bench/README.md).
            signal.Set();
        }

        return handled;
    }

    public async Task WarmUpAsync(EventEnvelope envelope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(envelope);

        await using var scope = scopeFactory.CreateAsyncScope();
        await RecordAsync(scope.ServiceProvider, envelope, handle: null, ct);
    }

    /// <summary>
    /// The duplicate check, the handler and the inbox record in one transaction, committed; without a handler (the
    /// warm-up) rolled back instead. False when the event had been handled before.
    /// </summary>
    private async Task<bool> RecordAsync(
        IServiceProvider services, EventEnvelope envelope, Func<IServiceProvider, CancellationToken, Task>? handle, CancellationToken ct)
    {
        var db = services.GetRequiredService<TContext>();
        return await db.InTransactionAsync(async (transaction, token) =>
        {
            var inbox = db.Set<InboxMessage>();
            if (await inbox.AnyAsync(message => message.EventId == envelope.Id, token))
            {
                return false;
            }

            if (handle is not null)
            {
                await handle(services, token);
            }

            inbox.Add(new InboxMessage { EventId = envelope.Id, Type = envelope.Type, ProcessedAt = time.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(token);
            }
            catch (DbUpdateException exception) when (exception.IsUniqueViolation(MessagingModelBuilderExtensions.InboxPrimaryKey))
            {
                return false; // A concurrent delivery of the same event committed first.
            }

            if (handle is not null)
            {
                await transaction.CommitAsync(token);
            }
            else
            {
                await transaction.RollbackAsync(token);
            }

            return true;
        }, ct);
    }
}
