using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Shop.ServiceDefaults.Messaging.Consuming;
using Shop.ServiceDefaults.Messaging.DeadLetters;
using Shop.ServiceDefaults.Messaging.Outbox;

namespace Shop.ServiceDefaults.Messaging;

/// <summary>Adds the parts of the event bus a service uses: the outbox if it publishes, handlers if it consumes.</summary>
public sealed class EventBusBuilder<TContext>(IServiceCollection services) where TContext : DbContext
{
    /// <summary>
    /// The service publishes: <see cref="IOutbox"/> writes events into <typeparamref name="TContext"/> (which must
    /// call <c>modelBuilder.AddOutboxTable()</c>) and the relay publishes them.
    /// </summary>
    public EventBusBuilder<TContext> AddOutbox()
    {
        services.TryAddScoped<IOutbox, EntityFrameworkOutbox<TContext>>();
        services.AddHostedService<OutboxRelay<TContext>>();
        return this;
    }

    /// <summary>
    /// The service handles <typeparamref name="TEvent"/> with <typeparamref name="THandler"/>: its queue is bound to
    /// the event type and each delivery runs through the inbox of <typeparamref name="TContext"/> (which must call
    /// <c>modelBuilder.AddInboxTable()</c>).
    /// </summary>
    public EventBusBuilder<TContext> Subscribe<TEvent, THandler>()
        where TEvent : class
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        var type = IntegrationEventType.Of<TEvent>();
        if (services.Any(descriptor => descriptor.ImplementationInstance is EventSubscription subscription && subscription.Type == type))
        {
            throw new InvalidOperationException($"{type} already has a handler; a service handles each event type once.");
        }

        services.TryAddScoped<THandler>();
        services.AddSingleton(EventSubscription.For<TEvent, THandler>());

        if (!services.Any(descriptor => descriptor.ServiceType == typeof(IEventProcessor)))
        {
            services.AddSingleton<IEventProcessor, EventProcessor<TContext>>();
            services.AddSingleton<DeadLetterQueue>();
            services.AddHostedService<EventConsumer>();
        }

        return this;
    }
}
