using System.Reflection;
using System.Runtime.InteropServices;
using Shop.Bench.Tools;

namespace Shop.Bench.Reporting;

/// <summary>The machine and tool versions a report's figures belong to.</summary>
public static class MachineInfoProbe
{
    private static readonly TimeSpan VersionTimeout = TimeSpan.FromSeconds(10);

    public static async Task<MachineInfo> ReadAsync(CancellationToken ct) => new(
        DateTimeOffset.UtcNow,
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        await FirstLineAsync("wrk", "-v", ct),
        await FirstLineAsync("nginx", "-v", ct),
        await FirstLineAsync("pgbench", "--version", ct),
        typeof(MachineInfoProbe).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "unknown");

    // wrk -v exits non-zero and nginx -v prints to stderr: take the first line of whichever has text.
    private static async Task<string> FirstLineAsync(string tool, string flag, CancellationToken ct)
    {
        var output = await ExternalProcess.RunAsync(tool, [flag], environment: null, VersionTimeout, ct);
        var text = string.IsNullOrWhiteSpace(output.StandardOutput) ? output.StandardError : output.StandardOutput;
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "unknown";
        // wrk appends its event loop and copyright to the version.
        return line.Split(" [")[0];
    }
}
