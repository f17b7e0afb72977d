using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;
using Shop.AppHost.Infrastructure.Local;

namespace Shop.AppHost.Infrastructure;

/// <summary>What this AppHost run decided about infrastructure: the mode, why, and where data lives.</summary>
/// <param name="Decision">Containers or Local (never Auto), and the reason logged at start.</param>
/// <param name="DataDirectory">Root of local mode's server data.</param>
/// <param name="VolumePrefix">Containers mode's named volumes are <c>{prefix}-{resource}-data</c>.</param>
/// <param name="IsEphemeral">Whether the data is thrown away when the AppHost stops (tests).</param>
/// <param name="Run">Tells this run's throwaway volumes from another's (<see cref="EphemeralVolumes"/>).</param>
public sealed record ShopInfrastructure(InfrastructureDecision Decision, string DataDirectory, string VolumePrefix, bool IsEphemeral, string Run)
{
    private const string DefaultVolumePrefix = "shop";

    private static readonly ConditionalWeakTable<IDistributedApplicationBuilder, ShopInfrastructure> Decisions = [];

    public InfrastructureMode Mode => Decision.Mode;

    /// <summary>The named volume holding <paramref name="resource"/>'s data in containers mode.</summary>
    public string VolumeName(string resource) =>
        IsEphemeral ? EphemeralVolumes.Name(VolumePrefix, Run, resource) : $"{VolumePrefix}-{resource}-data";

    /// <summary>Decides once per AppHost: both PostgreSQL and RabbitMQ must land in the same mode.</summary>
    public static ShopInfrastructure For(IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return Decisions.GetValue(builder, Decide);
    }

    private static ShopInfrastructure Decide(IDistributedApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var requested = InfrastructureModeSelector.Parse(configuration["Shop:Infrastructure"]);
        var decision = InfrastructureModeSelector.Choose(requested, builder.ExecutionContext.IsPublishMode, ContainerReadiness.Probe);

        // Run mode keeps data in the repository's gitignored .shop-data/ so it survives restarts, like a volume.
        var dataDirectory = configuration["Shop:DataDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".shop-data"));

        var infrastructure = new ShopInfrastructure(
            decision,
            dataDirectory,
            configuration["Shop:VolumePrefix"] is { Length: > 0 } prefix ? prefix : DefaultVolumePrefix,
            configuration.GetValue("Shop:EphemeralData", false),
            Guid.NewGuid().ToString("N")[..8]);
        if (builder.ExecutionContext.IsPublishMode)
        {
            return infrastructure;
        }

        builder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
        {
            var logger = InfrastructureLog.For(@event.Services);
            InfrastructureLog.Decided(logger, decision.Mode, decision.Reason);
            return Task.CompletedTask;
        });
        if (decision.Mode == InfrastructureMode.Local)
        {
            LocalDataDirectory.Prepare(builder, infrastructure);
        }
        else
        {
            ContainerFailureReporter.Watch(builder);
            if (infrastructure.IsEphemeral)
            {
                EphemeralVolumes.Prepare(builder, decision.ContainerRuntime!, infrastructure.VolumePrefix, infrastructure.Run);
            }
        }

        return infrastructure;
    }
}
