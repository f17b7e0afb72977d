using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Shop.AppHost.Infrastructure;

/// <summary>Runs the container engine's command-line client (docker or podman) with a bound on how long it may take.</summary>
internal static class ContainerCli
{
    /// <summary>True when <paramref name="runtime"/> ran and exited 0 within <paramref name="timeout"/>; false when it is not installed.</summary>
    public static bool Succeeds(string runtime, IEnumerable<string> arguments, TimeSpan timeout) =>
        Output(runtime, arguments, timeout) is not null;

    /// <summary>What the command printed, or null when it failed, timed out or is not installed.</summary>
    public static string? Output(string runtime, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(runtime, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        try
        {
            using var process = new Process { StartInfo = startInfo };
            var output = new StringBuilder();
            process.OutputDataReceived += (_, line) => output.AppendLine(line.Data);
            process.ErrorDataReceived += (_, _) => { };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            process.WaitForExit(); // drains the redirected output
            return process.ExitCode == 0 ? output.ToString() : null;
        }
        catch (Win32Exception)
        {
            return null; // not installed
        }
    }
}
