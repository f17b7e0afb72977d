using Microsoft.EntityFrameworkCore;
using Shop.Notifications.Domain;

namespace Shop.Notifications.Data;

/// <summary>The notifications service's own database; no other service reads or writes it.</summary>
public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    /// <summary>The AppHost's name for this database, and so the connection string this service reads.</summary>
    public const string ConnectionName = "notificationsdb";

    public DbSet<Notification> Notifications => Set<Notification>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfiguration(new NotificationConfiguration())
            .AddInboxTable();
}
