namespace Shop.AppHost.Infrastructure;

/// <summary>Turns the <c>Shop:Infrastructure</c> setting into the mode this AppHost run uses, and says why.</summary>
public static class InfrastructureModeSelector
{
    private const string ImagesScript =
        "scripts/container-images.sh (it pulls them, or builds stand-ins from Debian packages where no registry answers)";

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
    /// executables. In run mode, <c>auto</c> and <c>containers</c> ask <paramref name="probe"/> (only then, since it
    /// is slow): <c>auto</c> takes containers only when the engine answers and every image is there, and
    /// <c>containers</c> fails at once, naming what is missing, rather than leaving Aspire to wait on containers
    /// that can never start.
    /// </summary>
    public static InfrastructureDecision Choose(InfrastructureMode requested, bool isPublishMode, Func<ContainerReadiness> probe)
    {
        ArgumentNullException.ThrowIfNull(probe);

        if (isPublishMode)
        {
            return new(InfrastructureMode.Containers, "publish mode: a manifest describes containers");
        }

        if (requested == InfrastructureMode.Local)
        {
            return new(InfrastructureMode.Local, "Shop:Infrastructure is 'local'");
        }

        var readiness = probe();
        if (requested == InfrastructureMode.Containers)
        {
            if (readiness.Runtime is null)
            {
                throw new DistributedApplicationException(
                    "Shop:Infrastructure is 'containers', but no container engine answers ('docker info' and 'podman info' failed). " +
                    "Start Docker or Podman, or use local mode: Shop__Infrastructure=local.");
            }

            if (readiness.MissingImages.Count > 0)
            {
                throw new DistributedApplicationException(
                    $"Shop:Infrastructure is 'containers', but {Describe(readiness.MissingImages)} on this machine and could not be pulled. Run {ImagesScript}, or use local mode: Shop__Infrastructure=local.");
            }

            return new(InfrastructureMode.Containers, $"Shop:Infrastructure is 'containers'; {readiness.Runtime} answers and has {string.Join(" and ", ContainerImages.All)}", readiness.Runtime);
        }

        if (readiness.Runtime is null)
        {
            return new(InfrastructureMode.Local, "auto: no container engine answers ('docker info', 'podman info')");
        }

        return readiness.MissingImages.Count > 0
            ? new(InfrastructureMode.Local, $"auto: {readiness.Runtime} answers, but {Describe(readiness.MissingImages)} on this machine and could not be pulled; {ImagesScript} provides them")
            : new(InfrastructureMode.Containers, $"auto: {readiness.Runtime} answers and has {string.Join(" and ", ContainerImages.All)}", readiness.Runtime);
    }

    private static string Describe(IReadOnlyList<string> images) =>
        images.Count == 1 ? $"the image {images[0]} is not" : $"the images {string.Join(" and ", images)} are not";
}
