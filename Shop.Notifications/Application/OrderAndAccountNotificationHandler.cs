using Shop.EventBus.Consuming;
using Shop.IntegrationEvents;
using Shop.Notifications.Domain;

namespace Shop.Notifications.Application;

/// <summary>
/// Tells users what happened: a welcome when they register, and the outcome of each order. The notification stores
/// the trace id it was sent in (see <see cref="Notifier"/>), which is the trace of the request that started the flow.
/// </summary>
internal sealed class OrderAndAccountNotificationHandler(Notifier notifier) :
    IIntegrationEventHandler<UserRegistered>,
    IIntegrationEventHandler<OrderConfirmed>,
    IIntegrationEventHandler<OrderCancelled>
{
    public async Task HandleAsync(UserRegistered integrationEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);

        await notifier.SendAsync(
            integrationEvent.UserId,
            NotificationContent.Welcome(integrationEvent.DisplayName, integrationEvent.Email),
            orderId: null,
            ct);
    }

    public async Task HandleAsync(OrderConfirmed integrationEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);

        await notifier.SendAsync(
            integrationEvent.UserId,
            NotificationContent.OrderConfirmed(integrationEvent.OrderId, integrationEvent.Total, integrationEvent.Currency),
            integrationEvent.OrderId,
            ct);
    }

    public async Task HandleAsync(OrderCancelled integrationEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);

        await notifier.SendAsync(
            integrationEvent.UserId,
            NotificationContent.OrderCancelled(integrationEvent.OrderId, integrationEvent.Reason),
            integrationEvent.OrderId,
            ct);
    }
}
