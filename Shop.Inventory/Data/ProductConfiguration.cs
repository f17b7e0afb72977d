using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shop.Inventory.Domain;

namespace Shop.Inventory.Data;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        // The database is the last line of defence against overselling, whatever code path changes the counts.
        builder.ToTable("Products", table =>
        {
            table.HasCheckConstraint("CK_Products_Available_NonNegative", "\"Available\" >= 0");
            table.HasCheckConstraint("CK_Products_Reserved_NonNegative", "\"Reserved\" >= 0");
        });

        builder.HasKey(product => product.Id);
        builder.Property(product => product.Id).ValueGeneratedNever();
        builder.Property(product => product.Sku).HasMaxLength(Product.SkuMaxLength);
        builder.Property(product => product.Name).HasMaxLength(Product.NameMaxLength);
        builder.Property(product => product.Price).HasPrecision(12, 2);
        builder.Property(product => product.Currency).HasMaxLength(Product.CurrencyLength).IsFixedLength();

        // Npgsql maps a uint row version to the xmin system column: no column to add, bumped by every update.
        builder.Property(product => product.Version).IsRowVersion();

        builder.HasIndex(product => product.Sku).IsUnique();
    }
}
