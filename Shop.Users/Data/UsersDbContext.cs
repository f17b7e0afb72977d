using Microsoft.EntityFrameworkCore;
using Shop.Users.Domain;

namespace Shop.Users.Data;

/// <summary>The users service's own database; no other service reads or writes it.</summary>
public sealed class UsersDbContext(DbContextOptions<UsersDbContext> options) : DbContext(options)
{
    /// <summary>The AppHost's name for this database, and so the connection string this service reads.</summary>
    public const string ConnectionName = "usersdb";

    public DbSet<User> Users => Set<User>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var user = modelBuilder.Entity<User>();
        user.HasKey(u => u.Id);
        user.Property(u => u.Email).HasMaxLength(User.MaxEmailLength);
        user.Property(u => u.NormalizedEmail).HasMaxLength(User.MaxEmailLength);
        user.HasIndex(u => u.NormalizedEmail).IsUnique();
        user.Property(u => u.DisplayName).HasMaxLength(User.MaxDisplayNameLength);
        user.Property(u => u.PasswordHash).HasMaxLength(512);
        user.Property(u => u.Role).HasMaxLength(16);

        modelBuilder.AddOutboxTable();
    }
}
