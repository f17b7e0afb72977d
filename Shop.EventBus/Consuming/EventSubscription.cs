using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Shop.EventBus.Consuming;

/// <summary>An event type the service's queue is bound to, and how to hand its payload to the handler.</summary>
public sealed class EventSubscription(string type, Type eventType, Func<IServiceProvider, JsonElement, CancellationToken, Task> invoke)
{
    /// <summary>The wire name (<see cref="IntegrationEventType"/>).</summary>
    public string Type { get; } = type;

    /// <summary>The .NET type the payload is read into.</summary>
    public Type EventType { get; } = eventType;

    public Task InvokeAsync(IServiceProvider services, JsonElement data, CancellationToken ct) => invoke(services, data, ct);

    /// <summary>The subscription of <paramref name="handlerType"/> to <paramref name="eventType"/>.</summary>
    public static EventSubscription For(Type eventType, Type handlerType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        ArgumentNullException.ThrowIfNull(handlerType);
        var create = typeof(EventSubscription).GetMethod(nameof(For), 2, [])!.MakeGenericMethod(eventType, handlerType);
        return (EventSubscription)create.Invoke(null, null)!;
    }

    public static EventSubscription For<TEvent, THandler>()
        where TEvent : class
        where THandler : IIntegrationEventHandler<TEvent> =>
        new(IntegrationEventType.Of<TEvent>(), typeof(TEvent), (services, data, ct) =>
        {
            var integrationEvent = data.Deserialize<TEvent>(EventJson.Options)
                ?? throw new JsonException($"The payload of {typeof(TEvent).Name} is null.");
            return services.GetRequiredService<THandler>().HandleAsync(integrationEvent, ct);
        });
}
