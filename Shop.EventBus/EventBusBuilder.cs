using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Shop.EventBus.Consuming;
using Shop.EventBus.DeadLetters;
using Shop.EventBus.Outbox;

namespace Shop.EventBus;

/// <summary>Adds the parts of the event bus a service uses: the outbox if it publishes, handlers if it consumes.</summary>
public sealed class EventBusBuilder<TContext>(IHostApplicationBuilder builder) where TContext : DbContext
{
    /// <summary>
    /// The service publishes: <see cref="IOutbox"/> writes events into <typeparamref name="TContext"/> (which must
    /// call <c>modelBuilder.AddOutboxTable()</c>) and the relay publishes them.
    /// </summary>
    public EventBusBuilder<TContext> AddOutbox()
    {
        builder.Services.TryAddScoped<IOutbox, EntityFrameworkOutbox<TContext>>();
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        builder.AddWarmUp<PublisherWarmUp>();
        return this;
    }

    /// <summary>
    /// The service handles every event type <typeparamref name="THandler"/> implements
    /// <see cref="IIntegrationEventHandler{TEvent}"/> for: its queue is bound to each, and each delivery runs through the
    /// inbox of <typeparamref name="TContext"/> (which must call <c>modelBuilder.AddInboxTable()</c>).
    /// </summary>
    public EventBusBuilder<TContext> Subscribe<THandler>() where THandler : class
    {
        var subscriptions = typeof(THandler).GetInterfaces()
            .Where(type => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IIntegrationEventHandler<>))
            .Select(type => EventSubscription.For(type.GetGenericArguments()[0], typeof(THandler)))
            .ToList();
        if (subscriptions.Count == 0)
        {
            throw new InvalidOperationException($"{typeof(THandler).Name} implements no IIntegrationEventHandler<TEvent>.");
        }

        foreach (var subscription in subscriptions)
        {
            if (builder.Services.Any(descriptor => descriptor.ImplementationInstance is EventSubscription existing && existing.Type == subscription.Type))
            {
                throw new InvalidOperationException($"{subscription.Type} already has a handler; a service handles each event type once.");
            }

            builder.Services.AddSingleton(subscription);
        }

        builder.Services.TryAddScoped<THandler>();
        if (!builder.Services.Any(descriptor => descriptor.ServiceType == typeof(IEventProcessor)))
        {
            builder.Services.AddSingleton<IEventProcessor, EventProcessor<TContext>>();
            builder.Services.AddSingleton<DeadLetterQueue>();
            builder.Services.AddHostedService<EventConsumer>();
            builder.AddWarmUp<InboxWarmUp>();
        }

        return this;
    }
}
