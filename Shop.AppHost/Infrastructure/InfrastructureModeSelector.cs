namespace Aspire.Hosting;

/// <summary>Turns the <c>Shop:Infrastructure</c> setting into the mode this AppHost run uses.</summary>
public static class InfrastructureModeSelector
{
    public static InfrastructureMode Parse(string? setting) => setting?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => InfrastructureMode.Auto,
        "containers" => InfrastructureMode.Containers,
        "local" => InfrastructureMode.Local,
        _ => throw new DistributedApplicationException(
            $"Shop:Infrastructure is '{setting}'; use 'auto', 'containers' or 'local' (environment variable Shop__Infrastructure)."),
    };

    /// <summary>
    /// Publish mode always gets containers: a manifest describes deployable images, and aspirate cannot deploy
    /// executables. In run mode, <c>auto</c> asks <paramref name="containerRuntimeAnswers"/> (only then, since it is slow).
    /// </summary>
    public static InfrastructureMode Choose(InfrastructureMode requested, bool isPublishMode, Func<bool> containerRuntimeAnswers)
    {
        ArgumentNullException.ThrowIfNull(containerRuntimeAnswers);

        if (isPublishMode)
        {
            return InfrastructureMode.Containers;
        }

        return requested switch
        {
            InfrastructureMode.Auto => containerRuntimeAnswers() ? InfrastructureMode.Containers : InfrastructureMode.Local,
            _ => requested,
        };
    }
}
