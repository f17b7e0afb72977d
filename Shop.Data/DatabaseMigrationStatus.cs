using Microsoft.EntityFrameworkCore;
using Shop.ServiceDefaults;

namespace Shop.Data;

/// <summary>Whether <typeparamref name="TContext"/>'s migrations have been applied in this process.</summary>
public sealed class DatabaseMigrationStatus<TContext> : IStartupStep where TContext : DbContext
{
    private readonly TaskCompletionSource _applied = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsApplied => _applied.Task.IsCompleted;

    bool IStartupStep.IsDone => IsApplied;

    string IStartupStep.Pending => $"migrating {typeof(TContext).Name}";

    public void MarkApplied() => _applied.TrySetResult();

    /// <summary>Completes once the schema is there, for background work that must not touch the database before.</summary>
    public Task WhenAppliedAsync(CancellationToken ct) => _applied.Task.WaitAsync(ct);
}
