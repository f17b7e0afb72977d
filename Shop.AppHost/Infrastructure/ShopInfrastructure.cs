using System.Runtime.CompilerServices;
using Aspire.Hosting.Local;
using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting;

/// <summary>What this AppHost run decided about infrastructure: the mode and where local data lives.</summary>
/// <param name="Mode">Containers or Local, never Auto.</param>
/// <param name="DataDirectory">Root of local (or, for containers, nothing) server data.</param>
/// <param name="IsEphemeral">Whether the data is thrown away when the AppHost stops (tests).</param>
public sealed record ShopInfrastructure(InfrastructureMode Mode, string DataDirectory, bool IsEphemeral)
{
    private static readonly ConditionalWeakTable<IDistributedApplicationBuilder, ShopInfrastructure> Decisions = [];

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
        var mode = InfrastructureModeSelector.Choose(
            requested,
            builder.ExecutionContext.IsPublishMode,
            () => ContainerRuntimeProbe.AnyRuntimeAnswers(ContainerRuntimeProbe.DefaultTimeout));

        // Run mode keeps data in the repository's gitignored .shop-data/ so it survives restarts, like a volume.
        var dataDirectory = configuration["Shop:DataDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".shop-data"));

        var infrastructure = new ShopInfrastructure(mode, dataDirectory, configuration.GetValue("Shop:EphemeralData", false));
        if (mode == InfrastructureMode.Local)
        {
            LocalDataDirectory.Prepare(builder, infrastructure);
        }

        return infrastructure;
    }
}
