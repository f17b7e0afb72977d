using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shop.Inventory.Domain;

namespace Shop.Inventory.Data;

internal sealed class ReservationConfiguration : IEntityTypeConfiguration<Reservation>
{
    public void Configure(EntityTypeBuilder<Reservation> builder)
    {
        builder.ToTable("Reservations");
        builder.HasKey(reservation => reservation.OrderId);
        builder.Property(reservation => reservation.OrderId).ValueGeneratedNever();
        builder.Property(reservation => reservation.Status).HasConversion<string>().HasMaxLength(16);

        builder.OwnsMany(reservation => reservation.Lines, line =>
        {
            line.ToTable("ReservationLines", table => table.HasCheckConstraint("CK_ReservationLines_Quantity_Positive", "\"Quantity\" > 0"));
            line.WithOwner().HasForeignKey("OrderId");
            line.HasKey("OrderId", nameof(ReservedLine.ProductId));
        });
    }
}
