using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Shop.Data;

internal sealed class DatabaseMigrationHealthCheck<TContext>(DatabaseMigrationStatus<TContext> status) : IHealthCheck
    where TContext : DbContext
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.IsApplied
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"Migrations of {typeof(TContext).Name} are not applied yet."));
}
