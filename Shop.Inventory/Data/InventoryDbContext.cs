using Microsoft.EntityFrameworkCore;
using Shop.Inventory.Domain;

namespace Shop.Inventory.Data;

/// <summary>The inventory service's own database; no other service reads or writes it.</summary>
public sealed class InventoryDbContext(DbContextOptions<InventoryDbContext> options) : DbContext(options)
{
    /// <summary>The AppHost's name for this database, and so the connection string this service reads.</summary>
    public const string ConnectionName = "inventorydb";

    public DbSet<Product> Products => Set<Product>();

    public DbSet<Reservation> Reservations => Set<Reservation>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfiguration(new ProductConfiguration())
            .ApplyConfiguration(new ReservationConfiguration())
            .AddOutboxTable()
            .AddInboxTable();
}
