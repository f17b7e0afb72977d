using System.ComponentModel;
using System.Diagnostics;

namespace Aspire.Hosting;

/// <summary>
/// Asks docker or podman whether its engine answers. A client on PATH proves nothing: on machines without an engine
/// Aspire would declare containers that sit "RuntimeUnhealthy" forever, and everything waiting on them would hang.
/// </summary>
public static class ContainerRuntimeProbe
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    public static bool AnyRuntimeAnswers(TimeSpan timeout) => CandidateRuntimes().Any(runtime => Answers(runtime, timeout));

    // Aspire uses ASPIRE_CONTAINER_RUNTIME when it is set, so that is the only runtime worth asking then.
    private static string[] CandidateRuntimes() =>
        Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME") is { Length: > 0 } configured
            ? [configured]
            : ["docker", "podman"];

    private static bool Answers(string runtime, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(runtime, ["info"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        try
        {
            using var process = new Process { StartInfo = startInfo };
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false; // not installed
        }
    }
}
