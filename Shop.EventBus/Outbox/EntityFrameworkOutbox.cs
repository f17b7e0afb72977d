using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Shop.EventBus.Outbox;

/// <summary>Adds events to <typeparamref name="TContext"/>'s outbox table and wakes the relay once they are saved.</summary>
internal sealed class EntityFrameworkOutbox<TContext>(TContext db, OutboxSignal signal, TimeProvider time) : IOutbox
    where TContext : DbContext
{
    /// <summary>Whether this unit of work added events, saved or not: the consumer wakes the relay after its commit then.</summary>
    public bool HasAddedEvents { get; private set; }

    public void Add<TEvent>(TEvent integrationEvent) where TEvent : class
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);

        var now = time.GetUtcNow();
        var current = Activity.Current;
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            Type = IntegrationEventType.Of<TEvent>(),
            Payload = JsonSerializer.Serialize(integrationEvent, EventJson.Options),
            OccurredAt = now,
            TraceParent = current?.Id,
            TraceState = current?.TraceStateString,
        });

        // Outside an explicit transaction SaveChanges is the commit, so the relay can go at once. Inside one (event
        // handlers) the rows are not visible yet: the consumer wakes the relay after its commit instead, since a
        // wake-up now would only cost the relay a pass that finds nothing.
        if (!HasAddedEvents)
        {
            HasAddedEvents = true;
            db.SavedChanges += (_, _) =>
            {
                if (db.Database.CurrentTransaction is null)
                {
                    signal.Set();
                }
            };
        }
    }
}
