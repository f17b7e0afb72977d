using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shop.EventBus;
using Shop.EventBus.Inbox;
using Shop.EventBus.Outbox;
using Shop.EventBus.Retention;
using Shop.Tests.Deployment;

namespace Shop.Tests.Messaging;

/// <summary>
/// The bus's retention clean-up against a real PostgreSQL: what it deletes, what it must never delete (an unsent
/// event, however old), that it works through a backlog larger than one batch, and that its query can use the index
/// made for it instead of reading the whole outbox.
/// </summary>
public sealed class RetentionCleanupTests(ThrowawayPostgres server) : IClassFixture<ThrowawayPostgres>, IAsyncLifetime
{
    private const string Database = "retention";
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static readonly MessagingOptions Options = new()
    {
        ServiceName = "retention",
        OutboxRetention = TimeSpan.FromDays(1),
        InboxRetention = TimeSpan.FromDays(2),
        CleanupBatchSize = 100,
    };

    public async Task InitializeAsync()
    {
        await server.ExecuteAsync("postgres", $"DROP DATABASE IF EXISTS {Database}");
        await server.ExecuteAsync("postgres", $"CREATE DATABASE {Database}");
        await using var db = Context();
        await db.Database.EnsureCreatedAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Rows_past_their_retention_are_deleted_in_batches_and_unsent_events_are_kept()
    {
        await using (var db = Context())
        {
            // 250 sent two days ago (2.5 batches), 5 sent an hour ago, 3 unsent for a week (a long broker outage).
            db.AddRange(Enumerable.Range(0, 250).Select(_ => Outbox(sentAt: Now.AddDays(-2))));
            db.AddRange(Enumerable.Range(0, 5).Select(_ => Outbox(sentAt: Now.AddHours(-1))));
            db.AddRange(Enumerable.Range(0, 3).Select(_ => Outbox(sentAt: null, occurredAt: Now.AddDays(-7))));
            // Inbox: 130 handled three days ago, 7 handled a day ago (inside its two days).
            db.AddRange(Enumerable.Range(0, 130).Select(_ => Inbox(Now.AddDays(-3))));
            db.AddRange(Enumerable.Range(0, 7).Select(_ => Inbox(Now.AddDays(-1))));
            await db.SaveChangesAsync();
        }

        await using (var db = Context())
        {
            var deleted = await RetentionCleanup.RunAsync(db, Options, Now, CancellationToken.None);

            Assert.Equal(new RetentionResult(250, 130), deleted);
            Assert.Equal(5, await db.Set<OutboxMessage>().CountAsync(message => message.SentAt != null));
            Assert.Equal(3, await db.Set<OutboxMessage>().CountAsync(message => message.SentAt == null));
            Assert.Equal(7, await db.Set<InboxMessage>().CountAsync());
        }

        await using (var db = Context())
        {
            Assert.Equal(new RetentionResult(0, 0), await RetentionCleanup.RunAsync(db, Options, Now, CancellationToken.None));
        }
    }

    [Fact]
    public async Task The_clean_up_reads_sent_outbox_rows_through_their_own_index()
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString(ThrowawayPostgres.Superuser, ThrowawayPostgres.SuperuserPassword, Database));
        await connection.OpenAsync();
        // The test table is small, so the planner would read it whole anyway: forbidding that shows whether the
        // index can serve the clean-up's filter at all (a partial index only serves queries its predicate covers).
        await using var command = new NpgsqlCommand(
            """
            SET enable_seqscan = off;
            EXPLAIN SELECT "Sequence" FROM "OutboxMessages" WHERE "SentAt" < now() ORDER BY "SentAt" LIMIT 100;
            """,
            connection);
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(0));
        }

        Assert.Contains(plan, line => line.Contains("IX_OutboxMessages_Sent", StringComparison.Ordinal));
    }

    private static OutboxMessage Outbox(DateTimeOffset? sentAt, DateTimeOffset? occurredAt = null) => new()
    {
        Id = Guid.NewGuid(),
        Type = "retention-test.v1",
        Payload = "{}",
        OccurredAt = occurredAt ?? sentAt ?? Now,
        SentAt = sentAt,
    };

    private static InboxMessage Inbox(DateTimeOffset processedAt) =>
        new() { EventId = Guid.NewGuid(), Type = "retention-test.v1", ProcessedAt = processedAt };

    private BusTables Context() => new(new DbContextOptionsBuilder<BusTables>()
        .UseNpgsql(server.ConnectionString(ThrowawayPostgres.Superuser, ThrowawayPostgres.SuperuserPassword, Database)).Options);

    /// <summary>A DbContext with just the bus's tables, as a service adds them to its own.</summary>
    private sealed class BusTables(DbContextOptions<BusTables> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxTable().AddInboxTable();
    }
}
