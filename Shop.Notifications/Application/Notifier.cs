using System.Diagnostics;
using Shop.Notifications.Data;
using Shop.Notifications.Delivery;
using Shop.Notifications.Domain;

namespace Shop.Notifications.Application;

/// <summary>
/// Sends a user a notification: stores it first, then delivers it. A failed delivery is logged and the stored
/// notification stays, so the user still finds it in the app. Called from an event handler, the store commits with
/// the handler's transaction; delivery to the outside world is at least once (a retry after a failed commit
/// delivers again).
/// </summary>
public sealed partial class Notifier(
    NotificationsDbContext db, INotificationSender sender, TimeProvider time, ILogger<Notifier> logger)
{
    public async Task<Notification> SendAsync(Guid userId, NotificationContent content, Guid? orderId, CancellationToken ct)
    {
        var notification = Notification.Create(userId, content, orderId, Activity.Current?.TraceId.ToString(), time.GetUtcNow());
        db.Notifications.Add(notification);
        await db.SaveChangesAsync(ct);

        try
        {
            await sender.SendAsync(notification, ct);
        }
        catch (Exception exception) when (!ct.IsCancellationRequested)
        {
            LogDeliveryFailed(logger, exception, notification.Type, notification.Id, notification.UserId);
        }

        return notification;
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Delivering {NotificationType} notification {NotificationId} to user {UserId} failed; it stays stored")]
    private static partial void LogDeliveryFailed(
        ILogger logger, Exception exception, NotificationType notificationType, Guid notificationId, Guid userId);
}
