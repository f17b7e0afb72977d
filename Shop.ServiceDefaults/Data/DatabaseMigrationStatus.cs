using Microsoft.EntityFrameworkCore;

namespace Microsoft.Extensions.Hosting;

/// <summary>Whether <typeparamref name="TContext"/>'s migrations have been applied in this process.</summary>
public sealed class DatabaseMigrationStatus<TContext> where TContext : DbContext
{
    private volatile bool _applied;

    public bool IsApplied => _applied;

    public void MarkApplied() => _applied = true;
}
