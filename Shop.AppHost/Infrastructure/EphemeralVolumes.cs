using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Shop.AppHost.Infrastructure;

/// <summary>
/// Containers mode's throwaway data (tests): named volumes owned by this AppHost process, so a PostgreSQL or RabbitMQ
/// container stopped and started with the Aspire commands (which DCP recreates) finds its data again, removed when the
/// AppHost stops and swept at start when a dead AppHost left some behind. Names: <c>{prefix}-ephemeral-{pid}-{run}-{resource}-data</c>.
/// </summary>
internal static partial class EphemeralVolumes
{
    private const string Marker = "-ephemeral-";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    public static string Name(string prefix, string run, string resource) => $"{RunPrefix(prefix, run)}{resource}-data";

    public static void Prepare(IDistributedApplicationBuilder builder, string runtime, string prefix, string run)
    {
        builder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
        {
            var logger = @event.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EphemeralVolumes));
            var owned = prefix + Marker;
            Remove(runtime, Listed(runtime, owned).Where(volume => IsAbandoned(volume, owned)), logger);

            // ApplicationStopped fires after DCP has removed the containers, so the volumes are no longer in use.
            @event.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(
                () => Remove(runtime, Listed(runtime, RunPrefix(prefix, run)), logger));
            return Task.CompletedTask;
        });
    }

    private static string RunPrefix(string prefix, string run) =>
        $"{prefix}{Marker}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{run}-";

    private static bool IsAbandoned(string volume, string owned) =>
        int.TryParse(volume[owned.Length..].Split('-')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var owner)
        && !OwnerProcess.IsAlive(owner);

    private static string[] Listed(string runtime, string namePrefix) =>
        (ContainerCli.Output(runtime, ["volume", "ls", "--quiet", "--filter", $"name={namePrefix}"], CommandTimeout) ?? string.Empty)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(volume => volume.StartsWith(namePrefix, StringComparison.Ordinal))
            .ToArray();

    private static void Remove(string runtime, IEnumerable<string> volumes, ILogger logger)
    {
        foreach (var volume in volumes)
        {
            if (!ContainerCli.Succeeds(runtime, ["volume", "rm", volume], CommandTimeout))
            {
                LogNotRemoved(logger, volume);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove the throwaway volume {Volume}")]
    private static partial void LogNotRemoved(ILogger logger, string volume);
}
