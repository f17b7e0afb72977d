using System.Globalization;
using Shop.Notifications.Domain;
using Shop.ServiceDefaults.IntegrationEvents;
using Shop.ServiceDefaults.Messaging.Consuming;

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
            NotificationType.Welcome,
            "Welcome to Shop",
            $"Hello {integrationEvent.DisplayName}, your account {integrationEvent.Email} is ready.",
            orderId: null,
            ct);
    }

    public async Task HandleAsync(OrderConfirmed integrationEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);

        await notifier.SendAsync(
            integrationEvent.UserId,
            NotificationType.OrderConfirmed,
            "Your order is confirmed",
            string.Create(CultureInfo.InvariantCulture,
                $"Order {integrationEvent.OrderId} is confirmed: {integrationEvent.Total:0.00} {integrationEvent.Currency} was charged."),
            integrationEvent.OrderId,
            ct);
    }

    public async Task HandleAsync(OrderCancelled integrationEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);

        await notifier.SendAsync(
            integrationEvent.UserId,
            NotificationType.OrderCancelled,
            "Your order was cancelled",
            $"Order {integrationEvent.OrderId} was cancelled ({Describe(integrationEvent.Reason)}). Anything charged is refunded.",
            integrationEvent.OrderId,
            ct);
    }

    private static string Describe(string reason) => reason switch
    {
        "OutOfStock" => "some items are out of stock",
        "PaymentDeclined" => "the payment was declined",
        "CancelledByCustomer" => "you cancelled it",
        _ => reason,
    };
}
