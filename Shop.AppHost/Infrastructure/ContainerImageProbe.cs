namespace Shop.AppHost.Infrastructure;

/// <summary>
/// Whether an image is on the machine, or can be pulled within a bound. Without this check a missing image surfaced
/// only as "gateway failed to start"; the engine's "no such host" stayed in DCP's debug log.
/// </summary>
public static class ContainerImageProbe
{
    /// <summary>Long enough for both images over a slow link; where no registry answers, the pull fails within a second.</summary>
    public static readonly TimeSpan DefaultPullTimeout = TimeSpan.FromMinutes(3);

    private static readonly TimeSpan InspectTimeout = TimeSpan.FromSeconds(10);

    public static bool IsPresentOrPulled(string runtime, string image, TimeSpan pullTimeout) =>
        ContainerCli.Succeeds(runtime, ["image", "inspect", image], InspectTimeout)
        || ContainerCli.Succeeds(runtime, ["pull", image], pullTimeout);
}
