using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Shop.AppHost.Infrastructure;

/// <summary>
/// Names a container that failed to start or died, in the AppHost's own log. Aspire reports only the consequence
/// ("Stopped waiting for resource 'gateway' to become healthy because it failed to start"); the cause stayed in
/// DCP's debug log.
/// </summary>
internal static class ContainerFailureReporter
{
    public static void Watch(IDistributedApplicationBuilder builder) =>
        builder.Eventing.Subscribe<BeforeStartEvent>((@event, ct) =>
        {
            var notifications = @event.Services.GetRequiredService<ResourceNotificationService>();
            var stopping = @event.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            _ = ReportFailuresAsync(notifications, InfrastructureLog.For(@event.Services), stopping);
            return Task.CompletedTask;
        });

    private static async Task ReportFailuresAsync(ResourceNotificationService notifications, ILogger logger, CancellationToken stopping)
    {
        var reported = new HashSet<(string Resource, string? State)>();
        try
        {
            await foreach (var update in notifications.WatchAsync(stopping))
            {
                if (update.Resource is not ContainerResource container || !HasFailed(update.Snapshot) || !reported.Add((update.Resource.Name, update.Snapshot.State?.Text)))
                {
                    continue;
                }

                InfrastructureLog.ContainerFailed(
                    logger,
                    update.Resource.Name,
                    container.TryGetContainerImageName(out var image) ? image : "unknown image",
                    update.Snapshot.State?.Text ?? "unknown",
                    update.Snapshot.ExitCode is { } code ? $" (exit code {code})" : string.Empty,
                    update.Snapshot.Properties.FirstOrDefault(property => property.Name == "container.id")?.Value?.ToString() ?? update.ResourceId);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The AppHost is stopping; containers stopping with it are not failures.
        }
    }

    // A stop command ends a container with exit code 0 (PostgreSQL and RabbitMQ shut down cleanly); that is not a failure.
    private static bool HasFailed(CustomResourceSnapshot snapshot) =>
        snapshot.State?.Text == KnownResourceStates.FailedToStart
        || (snapshot.State?.Text == KnownResourceStates.Exited && snapshot.ExitCode is not null and not 0);
}
