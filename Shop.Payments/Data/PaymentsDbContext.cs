using Microsoft.EntityFrameworkCore;
using Shop.Payments.Domain;

namespace Shop.Payments.Data;

/// <summary>The payments service's own database; no other service reads or writes it.</summary>
public sealed class PaymentsDbContext(DbContextOptions<PaymentsDbContext> options) : DbContext(options)
{
    /// <summary>The AppHost's name for this database, and so the connection string this service reads.</summary>
    public const string ConnectionName = "paymentsdb";

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<PaymentRequest> PaymentRequests => Set<PaymentRequest>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfiguration(new PaymentConfiguration())
            .ApplyConfiguration(new PaymentRequestConfiguration())
            .AddOutboxTable()
            .AddInboxTable();
}
