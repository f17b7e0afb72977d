using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shop.Orders.Domain;

namespace Shop.Orders.Data;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    /// <summary>Named so a unique violation on it can be told from any other constraint.</summary>
    public const string IdempotencyKeyIndex = "IX_Orders_UserId_IdempotencyKey";

    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("Orders");
        builder.HasKey(order => order.Id);
        builder.Property(order => order.Id).ValueGeneratedNever();

        // Stored by name so the table reads on its own and reordering the enums cannot corrupt rows.
        builder.Property(order => order.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(order => order.CancellationReason).HasConversion<string>().HasMaxLength(32);

        builder.Property(order => order.Total).HasPrecision(12, 2);
        builder.Property(order => order.Currency).HasMaxLength(Order.CurrencyLength).IsFixedLength();
        builder.Property(order => order.PaymentToken).HasMaxLength(Order.MaxPaymentTokenLength);
        builder.Property(order => order.IdempotencyKey).HasMaxLength(Order.MaxIdempotencyKeyLength);
        builder.Property(order => order.RequestHash).HasMaxLength(OrderRequestFingerprint.Length).IsFixedLength();

        // Npgsql maps a uint row version to the xmin system column: no column to add, bumped by every update.
        builder.Property(order => order.Version).IsRowVersion();

        // One order per key and user, even when two requests with the same key race each other.
        builder.HasIndex(order => new { order.UserId, order.IdempotencyKey })
            .IsUnique()
            .HasFilter("\"IdempotencyKey\" IS NOT NULL")
            .HasDatabaseName(IdempotencyKeyIndex);

        // A customer's order history, newest first.
        builder.HasIndex(order => new { order.UserId, order.CreatedAt });

        builder.OwnsMany(order => order.Lines, line =>
        {
            line.ToTable("OrderLines");
            line.WithOwner().HasForeignKey("OrderId");
            line.HasKey("OrderId", nameof(OrderLine.LineNumber));
            line.Property(l => l.LineNumber).ValueGeneratedNever();
            line.Property(l => l.Name).HasMaxLength(OrderLine.MaxNameLength);
            line.Property(l => l.UnitPrice).HasPrecision(12, 2);
            line.Ignore(l => l.LineTotal);
        });
    }
}
