using System.Globalization;
using Shop.Tests.Deployment;

namespace Shop.Tests.Containers;

/// <summary>The <c>docker</c> commands the deployment tests read containers with; each fails the test if it fails.</summary>
internal static class ContainerCli
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    public static async Task<string> RunAsync(IEnumerable<string> arguments)
    {
        var (exitCode, output, errors) = await RepositoryCommand.RunAsync("docker", arguments, CommandTimeout);
        Assert.True(exitCode == 0, $"docker {string.Join(' ', arguments)} failed ({exitCode}): {errors}");
        return output;
    }

    public static async Task<string> InspectAsync(string container, string format) =>
        (await RunAsync(["inspect", "--format", format, container])).Trim();

    public static async Task<string> ExecAsync(string container, IEnumerable<string> command) =>
        (await RunAsync(["exec", container, .. command])).Trim();

    /// <summary>The status line of <c>GET path</c> inside the container, as a probe sees it (the image has no curl).</summary>
    public static async Task<string> HttpStatusLineAsync(string container, int port, string path) =>
        await ExecAsync(container, ["bash", "-c", $"exec 3<>/dev/tcp/127.0.0.1/{port} && printf 'GET {path} HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | tr -d '\\r'"]);

    /// <summary>What the container wrote to stdout and stderr, up to <paramref name="until"/> if given.</summary>
    public static async Task<string> LogsAsync(string container, DateTimeOffset? until = null)
    {
        var (exitCode, output, errors) = await RepositoryCommand.RunAsync(
            "docker", ["logs", .. until is { } end ? new[] { "--until", end.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) } : [], container], CommandTimeout);
        Assert.True(exitCode == 0, $"docker logs {container} failed: {errors}");
        return output + errors;
    }
}
