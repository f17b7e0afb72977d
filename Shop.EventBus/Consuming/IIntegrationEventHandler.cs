using System.Diagnostics.CodeAnalysis;

namespace Shop.EventBus.Consuming;

/// <summary>
/// Handles one event type. It runs in a database transaction that also records the event as handled and commits
/// whatever the handler left in the service's DbContext (state changes, outbox events); throwing rolls all of it back
/// and the event is retried. Handlers are scoped: take the DbContext and other services in the constructor.
/// </summary>
[SuppressMessage("Naming", "CA1711", Justification = "It handles integration events; it is not a .NET event-handler delegate.")]
public interface IIntegrationEventHandler<in TEvent> where TEvent : class
{
    Task HandleAsync(TEvent integrationEvent, CancellationToken ct);
}
