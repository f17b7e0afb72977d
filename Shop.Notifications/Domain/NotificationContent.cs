using System.Globalization;

namespace Shop.Notifications.Domain;

/// <summary>What a notification says, worded once here so the stored message and every delivery channel agree.</summary>
public sealed record NotificationContent(NotificationType Type, string Subject, string Body)
{
    public static NotificationContent Welcome(string displayName, string email) => new(
        NotificationType.Welcome,
        "Welcome to Shop",
        $"Hello {displayName}, your account {email} is ready.");

    public static NotificationContent OrderConfirmed(Guid orderId, decimal total, string currency) => new(
        NotificationType.OrderConfirmed,
        "Your order is confirmed",
        string.Create(CultureInfo.InvariantCulture, $"Order {orderId} is confirmed: {total:0.00} {currency} was charged."));

    /// <param name="reason">The <c>OrderCancelled</c> event's reason; one this version does not know is shown as it is.</param>
    public static NotificationContent OrderCancelled(Guid orderId, string reason) => new(
        NotificationType.OrderCancelled,
        "Your order was cancelled",
        $"Order {orderId} was cancelled ({Describe(reason)}). Anything charged is refunded.");

    private static string Describe(string reason) => reason switch
    {
        "OutOfStock" => "some items are out of stock",
        "PaymentDeclined" => "the payment was declined",
        "CancelledByCustomer" => "you cancelled it",
        _ => reason,
    };
}
