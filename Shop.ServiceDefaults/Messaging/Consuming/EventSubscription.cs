using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Shop.ServiceDefaults.Messaging.Consuming;

/// <summary>An event type the service's queue is bound to, and how to hand its payload to the handler.</summary>
public sealed class EventSubscription(string type, Func<IServiceProvider, JsonElement, CancellationToken, Task> invoke)
{
    public string Type { get; } = type;

    public Task InvokeAsync(IServiceProvider services, JsonElement data, CancellationToken ct) => invoke(services, data, ct);

    public static EventSubscription For<TEvent, THandler>()
        where TEvent : class
        where THandler : IIntegrationEventHandler<TEvent> =>
        new(IntegrationEventType.Of<TEvent>(), (services, data, ct) =>
        {
            var integrationEvent = data.Deserialize<TEvent>(EventJson.Options)
                ?? throw new JsonException($"The payload of {typeof(TEvent).Name} is null.");
            return services.GetRequiredService<THandler>().HandleAsync(integrationEvent, ct);
        });
}
