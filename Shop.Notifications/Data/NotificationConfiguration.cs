using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shop.Notifications.Domain;

namespace Shop.Notifications.Data;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(notification => notification.Id);

        builder.Property(notification => notification.Type).HasConversion<string>().HasMaxLength(32);
        builder.Property(notification => notification.Subject).HasMaxLength(Notification.SubjectMaxLength);
        builder.Property(notification => notification.Body).HasMaxLength(Notification.BodyMaxLength);
        builder.Property(notification => notification.TraceId).HasMaxLength(Notification.TraceIdMaxLength);

        // Serves the inbox: one user's notifications, newest first.
        builder.HasIndex(notification => new { notification.UserId, notification.CreatedAt })
            .IsDescending(false, true);
    }
}
