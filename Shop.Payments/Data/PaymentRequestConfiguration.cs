using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shop.Payments.Domain;

namespace Shop.Payments.Data;

internal sealed class PaymentRequestConfiguration : IEntityTypeConfiguration<PaymentRequest>
{
    public void Configure(EntityTypeBuilder<PaymentRequest> builder)
    {
        builder.ToTable("PaymentRequests");
        builder.HasKey(request => request.OrderId);
        builder.Property(request => request.OrderId).ValueGeneratedNever();
        builder.Property(request => request.Amount).HasPrecision(12, 2);
        builder.Property(request => request.Currency).HasMaxLength(Payment.CurrencyLength).IsFixedLength();
        builder.Property(request => request.PaymentToken).HasMaxLength(128);
        builder.Property(request => request.Status).HasConversion<string>().HasMaxLength(16);
    }
}
