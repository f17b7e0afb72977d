using Shop.EventBus.Inbox;
using Shop.EventBus.Outbox;

namespace Microsoft.EntityFrameworkCore;

/// <summary>The event bus's tables, added to a service's own DbContext so they share its transactions.</summary>
public static class MessagingModelBuilderExtensions
{
    public const string InboxPrimaryKey = "PK_InboxMessages";

    /// <summary>For a service that publishes: events wait here, in the state change's transaction, for the relay.</summary>
    public static ModelBuilder AddOutboxTable(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("OutboxMessages");
            outbox.HasKey(message => message.Sequence);
            outbox.Property(message => message.Sequence).UseIdentityAlwaysColumn();
            outbox.HasIndex(message => message.Id).IsUnique();
            outbox.Property(message => message.Type).HasMaxLength(128);
            outbox.Property(message => message.Payload).HasColumnType("jsonb");
            outbox.Property(message => message.TraceParent).HasMaxLength(128);
            outbox.Property(message => message.TraceState).HasMaxLength(512);

            // The relay's query: pending rows in write order. Sent rows drop out of the index.
            outbox.HasIndex(message => message.Sequence, "IX_OutboxMessages_Pending").HasFilter("\"SentAt\" IS NULL");
            // The retention clean-up's query: sent rows, oldest first. Pending rows stay out of it.
            outbox.HasIndex(message => message.SentAt, "IX_OutboxMessages_Sent").HasFilter("\"SentAt\" IS NOT NULL");
        });
        return modelBuilder;
    }

    /// <summary>For a service that consumes: the ids of handled events, its filter against duplicates.</summary>
    public static ModelBuilder AddInboxTable(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("InboxMessages");
            inbox.HasKey(message => message.EventId).HasName(InboxPrimaryKey);
            inbox.Property(message => message.EventId).ValueGeneratedNever();
            inbox.Property(message => message.Type).HasMaxLength(128);
            inbox.HasIndex(message => message.ProcessedAt);
        });
        return modelBuilder;
    }
}
