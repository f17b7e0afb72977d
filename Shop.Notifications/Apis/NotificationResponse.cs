using Shop.Notifications.Domain;

namespace Shop.Notifications.Apis;

public sealed record NotificationResponse(
    Guid Id, NotificationType Type, string Subject, string Body, Guid? OrderId, string? TraceId, DateTimeOffset CreatedAt);
