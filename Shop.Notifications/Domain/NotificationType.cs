namespace Shop.Notifications.Domain;

public enum NotificationType
{
    Welcome,
    OrderConfirmed,
    OrderCancelled,
}
