using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Shop.AppHost.Infrastructure.Local;

/// <summary>
/// The local servers' data root. Persistent in run mode (like a volume); when ephemeral (tests) it is owned by this
/// AppHost process, deleted when the AppHost stops, and swept at startup if a dead AppHost left one behind.
/// </summary>
internal static partial class LocalDataDirectory
{
    private const string OwnerFileName = "apphost.pid";

    /// <summary>Creates the directory when the app starts (not when it is built), so a failed build leaves nothing behind.</summary>
    public static void Prepare(IDistributedApplicationBuilder builder, ShopInfrastructure infrastructure)
    {
        var root = infrastructure.DataDirectory;
        builder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
        {
            if (!infrastructure.IsEphemeral)
            {
                Directory.CreateDirectory(root);
                return Task.CompletedTask;
            }

            SweepAbandonedSiblings(root);
            Directory.CreateDirectory(root);
            File.WriteAllText(Path.Combine(root, OwnerFileName), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

            // ApplicationStopped fires after DCP has stopped every resource, so no server still writes there.
            var lifetime = @event.Services.GetRequiredService<IHostApplicationLifetime>();
            var logger = @event.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LocalDataDirectory));
            lifetime.ApplicationStopped.Register(() => Delete(root, logger));
            return Task.CompletedTask;
        });
    }

    private static void SweepAbandonedSiblings(string root)
    {
        var parent = Path.GetDirectoryName(root);
        if (parent is null || !Directory.Exists(parent))
        {
            return;
        }

        foreach (var sibling in Directory.EnumerateDirectories(parent))
        {
            var ownerFile = Path.Combine(sibling, OwnerFileName);
            if (File.Exists(ownerFile) && int.TryParse(File.ReadAllText(ownerFile), out var owner) && !OwnerProcess.IsAlive(owner))
            {
                TryDelete(sibling);
            }
        }
    }

    private static void Delete(string root, ILogger logger)
    {
        if (!TryDelete(root))
        {
            LogNotDeleted(logger, root);
        }
    }

    private static bool TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the local infrastructure data directory {DataDirectory}")]
    private static partial void LogNotDeleted(ILogger logger, string dataDirectory);
}
