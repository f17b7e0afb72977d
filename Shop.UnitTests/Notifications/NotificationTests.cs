using Shop.Notifications.Domain;

namespace Shop.UnitTests.Notifications;

/// <summary>A notification is created only with what its row can hold.</summary>
public sealed class NotificationTests
{
    private static readonly DateTimeOffset SentAt = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Customer = new("0190a000-0000-7000-8000-0000000000c1");
    private static readonly Guid Order = new("0190a000-0000-7000-8000-0000000000a1");
    private const string TraceId = "0af7651916cd43dd8448eb211c80319c";

    [Fact]
    public void A_notification_records_its_content_the_order_and_the_trace()
    {
        var content = NotificationContent.OrderCancelled(Order, "OutOfStock");

        var notification = Notification.Create(Customer, content, Order, TraceId, SentAt);

        Assert.Equal(7, notification.Id.Version);
        Assert.Equal(Customer, notification.UserId);
        Assert.Equal(NotificationType.OrderCancelled, notification.Type);
        Assert.Equal(content.Subject, notification.Subject);
        Assert.Equal(content.Body, notification.Body);
        Assert.Equal(Order, notification.OrderId);
        Assert.Equal(TraceId, notification.TraceId);
        Assert.Equal(SentAt, notification.CreatedAt);
    }

    [Fact]
    public void A_notification_about_no_order_outside_any_trace_has_neither()
    {
        var notification = Notification.Create(Customer, NotificationContent.Welcome("Ada", "ada@example.com"), null, null, SentAt);

        Assert.Null(notification.OrderId);
        Assert.Null(notification.TraceId);
    }

    [Fact]
    public void Subject_body_and_trace_id_of_the_maximum_length_are_accepted()
    {
        var content = Content(new string('s', Notification.SubjectMaxLength), new string('b', Notification.BodyMaxLength));

        var notification = Notification.Create(Customer, content, null, new string('t', Notification.TraceIdMaxLength), SentAt);

        Assert.Equal(Notification.SubjectMaxLength, notification.Subject.Length);
        Assert.Equal(Notification.BodyMaxLength, notification.Body.Length);
    }

    [Fact]
    public void Anything_longer_than_its_column_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => Notification.Create(Customer, Content(new string('s', Notification.SubjectMaxLength + 1), "body"), null, null, SentAt));
        Assert.Throws<ArgumentOutOfRangeException>(
            () => Notification.Create(Customer, Content("subject", new string('b', Notification.BodyMaxLength + 1)), null, null, SentAt));
        Assert.Throws<ArgumentOutOfRangeException>(
            () => Notification.Create(Customer, Content("subject", "body"), null, new string('t', Notification.TraceIdMaxLength + 1), SentAt));
    }

    [Theory]
    [InlineData("", "body")]
    [InlineData(" ", "body")]
    [InlineData("subject", "")]
    [InlineData("subject", " ")]
    public void A_blank_subject_or_body_is_refused(string subject, string body) =>
        Assert.Throws<ArgumentException>(() => Notification.Create(Customer, Content(subject, body), null, null, SentAt));

    [Fact]
    public void A_notification_needs_content() =>
        Assert.Throws<ArgumentNullException>(() => Notification.Create(Customer, null!, null, null, SentAt));

    private static NotificationContent Content(string subject, string body) => new(NotificationType.Welcome, subject, body);
}
