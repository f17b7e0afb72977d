using Microsoft.EntityFrameworkCore;

namespace Shop.Notifications.Data;

/// <summary>The notifications service's own database; no other service reads or writes it.</summary>
public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    /// <summary>The AppHost's name for this database, and so the connection string this service reads.</summary>
    public const string ConnectionName = "notificationsdb";
}
