using Microsoft.EntityFrameworkCore;
using Shop.Orders.Domain;

namespace Shop.Orders.Data;

/// <summary>The orders service's own database; no other service reads or writes it.</summary>
public sealed class OrdersDbContext(DbContextOptions<OrdersDbContext> options) : DbContext(options)
{
    /// <summary>The AppHost's name for this database, and so the connection string this service reads.</summary>
    public const string ConnectionName = "ordersdb";

    public DbSet<Order> Orders => Set<Order>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OrdersDbContext).Assembly)
            .AddOutboxTable()
            .AddInboxTable();
}
