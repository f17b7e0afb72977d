using Shop.Notifications.Domain;

namespace Shop.Notifications.Contracts;

public sealed record NotificationResponse(
    Guid Id, NotificationType Type, string Subject, string Body, Guid? OrderId, string? TraceId, DateTimeOffset CreatedAt);
