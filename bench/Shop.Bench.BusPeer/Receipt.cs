using Microsoft.EntityFrameworkCore;

namespace Shop.Bench.BusPeer;

/// <summary>The handler's own effect: one row per handled event, committed with the bus's inbox record.</summary>
public sealed class Receipt
{
    public Guid EventId { get; set; }

    public int Sequence { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public static Receipt For(PeerEvent handled) => new() { EventId = handled.Id, Sequence = handled.Sequence, ReceivedAt = DateTimeOffset.UtcNow };
}

public static class ReceiptModel
{
    public const string Table = "Receipts";

    /// <summary>The table as <see cref="AddReceiptsTable"/> maps it, for a context that must not create the rest of its model.</summary>
    public const string CreateTableSql =
        """CREATE TABLE "Receipts" ("EventId" uuid PRIMARY KEY, "Sequence" integer NOT NULL, "ReceivedAt" timestamp with time zone NOT NULL)""";

    public static ModelBuilder AddReceiptsTable(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Receipt>(receipt =>
        {
            receipt.ToTable(Table);
            receipt.HasKey(row => row.EventId);
            receipt.Property(row => row.EventId).ValueGeneratedNever();
        });
        return modelBuilder;
    }
}
