using System.Reflection;
using Shop.IntegrationEvents;

namespace Shop.EventBus;

/// <summary>The wire type of an event record, read once from its <see cref="IntegrationEventAttribute"/>.</summary>
public static class IntegrationEventType
{
    public static string Of<TEvent>() => Cache<TEvent>.Type
        ?? throw new InvalidOperationException(
            $"{typeof(TEvent).Name} is not an integration event: mark it with [IntegrationEvent(name, version)].");

    private static class Cache<TEvent>
    {
        public static readonly string? Type = typeof(TEvent).GetCustomAttribute<IntegrationEventAttribute>()?.Type;
    }
}
