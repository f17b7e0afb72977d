using Microsoft.EntityFrameworkCore;

namespace Shop.Users.Data;

/// <summary>The users service's own database; no other service reads or writes it.</summary>
public sealed class UsersDbContext(DbContextOptions<UsersDbContext> options) : DbContext(options)
{
    /// <summary>The AppHost's name for this database, and so the connection string this service reads.</summary>
    public const string ConnectionName = "usersdb";
}
