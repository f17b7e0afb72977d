using Shop.Notifications.Domain;

namespace Shop.Notifications.Delivery;

/// <summary>Delivers a stored notification to its user (log, email, push); swapped by DI registration.</summary>
public interface INotificationSender
{
    Task SendAsync(Notification notification, CancellationToken ct);
}
