namespace Shop.AppHost.Infrastructure;

/// <summary>What containers mode needs from this machine: an engine that answers and every image it runs.</summary>
/// <param name="Runtime">The runtime whose engine answered (docker or podman), or null when none did.</param>
/// <param name="MissingImages">Images neither present nor pullable; empty when there is no engine to ask.</param>
public sealed record ContainerReadiness(string? Runtime, IReadOnlyList<string> MissingImages)
{
    /// <summary>Asks the engine, then each image (pulling a missing one, bounded).</summary>
    public static ContainerReadiness Probe()
    {
        var runtime = ContainerRuntimeProbe.FirstAnswering(ContainerRuntimeProbe.DefaultTimeout);
        if (runtime is null)
        {
            return new ContainerReadiness(null, []);
        }

        return new ContainerReadiness(
            runtime,
            [.. ContainerImages.All.Where(image => !ContainerImageProbe.IsPresentOrPulled(runtime, image, ContainerImageProbe.DefaultPullTimeout))]);
    }
}
