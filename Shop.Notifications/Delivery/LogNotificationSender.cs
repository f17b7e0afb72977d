using Shop.Notifications.Domain;

namespace Shop.Notifications.Delivery;

/// <summary>
/// Delivers by writing a structured log entry, which stands in for email until a real sender is registered.
/// The body is left out: it is personal content, and the stored notification already holds it. Debug, because a
/// line per notification would be the service's whole log volume in production; set
/// <c>Logging__LogLevel__Shop.Notifications.Delivery=Debug</c> to read them.
/// </summary>
public sealed partial class LogNotificationSender(ILogger<LogNotificationSender> logger) : INotificationSender
{
    public Task SendAsync(Notification notification, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notification);

        LogSent(logger, notification.Type, notification.Id, notification.UserId, notification.Subject, notification.OrderId);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Sent {NotificationType} notification {NotificationId} to user {UserId}: \"{Subject}\" (order {OrderId})")]
    private static partial void LogSent(
        ILogger logger, NotificationType notificationType, Guid notificationId, Guid userId, string subject, Guid? orderId);
}
