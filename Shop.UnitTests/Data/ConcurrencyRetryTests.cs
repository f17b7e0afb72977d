using Microsoft.EntityFrameworkCore;

namespace Shop.UnitTests.Data;

/// <summary>A save that loses an optimistic-concurrency race is tried again from scratch, a bounded number of times.</summary>
public sealed class ConcurrencyRetryTests
{
    [Fact]
    public async Task A_lost_race_is_tried_again_until_the_save_wins()
    {
        await using var db = UnconnectedContext();
        var attempts = 0;

        var result = await db.RetryOnConcurrencyConflictAsync(3, _ => ++attempts < 3 ? throw new DbUpdateConcurrencyException() : Task.FromResult("saved"), () => "conflict", CancellationToken.None);

        Assert.Equal("saved", result);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task After_the_last_attempt_the_conflict_answer_is_returned()
    {
        await using var db = UnconnectedContext();
        var attempts = 0;

        var result = await db.RetryOnConcurrencyConflictAsync<string>(3, _ => { attempts++; throw new DbUpdateConcurrencyException(); }, () => "conflict", CancellationToken.None);

        Assert.Equal("conflict", result);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task Any_other_failure_is_not_retried()
    {
        await using var db = UnconnectedContext();
        var attempts = 0;

        await Assert.ThrowsAsync<DbUpdateException>(() => db.RetryOnConcurrencyConflictAsync<string>(3, _ => { attempts++; throw new DbUpdateException(); }, () => "conflict", CancellationToken.None));

        Assert.Equal(1, attempts);
    }

    // Clearing the change tracker needs a configured context, never a connection.
    private static DbContext UnconnectedContext() =>
        new(new DbContextOptionsBuilder().UseNpgsql("Host=unused.invalid").Options);
}
