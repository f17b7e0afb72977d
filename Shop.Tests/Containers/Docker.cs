using Shop.Tests.Deployment;

namespace Shop.Tests.Containers;

/// <summary>What the machine's Docker engine says about containers, networks and volumes.</summary>
internal static class Docker
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    public static async Task<bool> ExistsAsync(string kind, string name) =>
        (await RepositoryCommand.RunAsync("docker", [kind, "inspect", name], CommandTimeout)).ExitCode == 0;

    /// <summary>The networks a container is attached to.</summary>
    public static async Task<string[]> NetworksOfAsync(string container)
    {
        var (exitCode, output, errors) = await RepositoryCommand.RunAsync(
            "docker", ["container", "inspect", "--format", "{{range $name, $_ := .NetworkSettings.Networks}}{{$name}} {{end}}", container], CommandTimeout);
        Assert.True(exitCode == 0, $"docker container inspect {container} failed: {errors}");
        return output.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Names of the volumes whose name starts with <paramref name="prefix"/>.</summary>
    public static async Task<string[]> VolumesAsync(string prefix)
    {
        var (exitCode, output, errors) = await RepositoryCommand.RunAsync("docker", ["volume", "ls", "--quiet", "--filter", $"name={prefix}"], CommandTimeout);
        Assert.True(exitCode == 0, $"docker volume ls failed: {errors}");
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(volume => volume.StartsWith(prefix, StringComparison.Ordinal))];
    }

    public static Task RemoveVolumesAsync(IEnumerable<string> volumes) =>
        RepositoryCommand.RunAsync("docker", ["volume", "rm", "--force", .. volumes], CommandTimeout);
}
