using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shop.Payments.Domain;

namespace Shop.Payments.Data;

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    /// <summary>The index that lets the database, not the code, guarantee at most one capture per order.</summary>
    public const string OneCapturePerOrderIndex = "IX_Payments_OrderId_Captured";

    /// <summary>Likewise at most one refund per order, whatever the interleaving of cancellations.</summary>
    public const string OneRefundPerOrderIndex = "IX_Payments_OrderId_Refunded";

    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("Payments");
        builder.HasKey(payment => payment.Id);

        builder.Property(payment => payment.Amount).HasPrecision(12, 2);
        builder.Property(payment => payment.Currency).HasMaxLength(Payment.CurrencyLength).IsFixedLength();
        builder.Property(payment => payment.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(payment => payment.Reason).HasMaxLength(Payment.ReasonMaxLength);

        builder.HasIndex(payment => payment.OrderId, "IX_Payments_OrderId");
        builder.HasIndex(payment => payment.OrderId, OneCapturePerOrderIndex)
            .IsUnique()
            .HasFilter($"\"{nameof(Payment.Status)}\" = '{nameof(PaymentStatus.Captured)}'");
        builder.HasIndex(payment => payment.OrderId, OneRefundPerOrderIndex)
            .IsUnique()
            .HasFilter($"\"{nameof(Payment.Status)}\" = '{nameof(PaymentStatus.Refunded)}'");
    }
}
