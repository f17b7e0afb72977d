namespace Shop.AppHost.Infrastructure;

/// <summary>
/// Asks docker or podman whether its engine answers. A client on PATH proves nothing: on machines without an engine
/// Aspire would declare containers that sit "RuntimeUnhealthy" forever, and everything waiting on them would hang.
/// </summary>
public static class ContainerRuntimeProbe
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The first runtime whose engine answers <c>info</c> within <paramref name="timeout"/>, or null.</summary>
    public static string? FirstAnswering(TimeSpan timeout) =>
        CandidateRuntimes().FirstOrDefault(runtime => ContainerCli.Succeeds(runtime, ["info"], timeout));

    // Aspire uses ASPIRE_CONTAINER_RUNTIME when it is set, so that is the only runtime worth asking then.
    private static string[] CandidateRuntimes() =>
        Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME") is { Length: > 0 } configured
            ? [configured]
            : ["docker", "podman"];
}
