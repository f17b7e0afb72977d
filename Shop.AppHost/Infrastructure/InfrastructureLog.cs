using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Shop.AppHost.Infrastructure;

/// <summary>What the AppHost says about its infrastructure on the console (category <c>Shop.AppHost.Infrastructure</c>).</summary>
internal static partial class InfrastructureLog
{
    public static ILogger For(IServiceProvider services) =>
        services.GetRequiredService<ILoggerFactory>().CreateLogger("Shop.AppHost.Infrastructure");

    [LoggerMessage(Level = LogLevel.Information, Message = "Infrastructure: {Mode} ({Reason})")]
    public static partial void Decided(ILogger logger, InfrastructureMode mode, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message =
        "Container '{Resource}' ({Image}) is {State}{ExitCode}. Everything that waits for it will not start. " +
        "Its output is in the dashboard's console logs or in 'docker logs {ContainerId}'; a missing image is provided by " +
        "scripts/container-images.sh, and Shop__Infrastructure=local runs without containers.")]
    public static partial void ContainerFailed(ILogger logger, string resource, string image, string state, string exitCode, string containerId);
}
