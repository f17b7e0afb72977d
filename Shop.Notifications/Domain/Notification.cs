namespace Shop.Notifications.Domain;

/// <summary>A message sent to a user; stored before delivery so the user can always read it in the app.</summary>
public sealed class Notification
{
    public const int SubjectMaxLength = 200;
    public const int BodyMaxLength = 4000;
    public const int TraceIdMaxLength = 64;

    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    public NotificationType Type { get; init; }

    public required string Subject { get; init; }

    public required string Body { get; init; }

    /// <summary>The order it is about, if any.</summary>
    public Guid? OrderId { get; init; }

    /// <summary>The W3C trace id of the flow that sent it, to find that flow's traces from the message.</summary>
    public string? TraceId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>A new notification of <paramref name="content"/> for the user, checked against what its row can hold.</summary>
    public static Notification Create(
        Guid userId, NotificationContent content, Guid? orderId, string? traceId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(content.Subject, nameof(content));
        ArgumentException.ThrowIfNullOrWhiteSpace(content.Body, nameof(content));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(content.Subject.Length, SubjectMaxLength, nameof(content));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(content.Body.Length, BodyMaxLength, nameof(content));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(traceId?.Length ?? 0, TraceIdMaxLength, nameof(traceId));

        return new Notification
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Type = content.Type,
            Subject = content.Subject,
            Body = content.Body,
            OrderId = orderId,
            TraceId = traceId,
            CreatedAt = now,
        };
    }
}
