using System.Diagnostics;

namespace Shop.Tests.Integration;

/// <summary>Finds processes by a path in their command line or environment, e.g. a test run's data directory.</summary>
internal static class LocalProcesses
{
    /// <summary>"pid: command line" of every live process that mentions <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> Mentioning(string text) =>
    [
        .. Directory.EnumerateDirectories("/proc")
            .Where(directory => int.TryParse(Path.GetFileName(directory), out _))
            .Select(directory => (Pid: Path.GetFileName(directory), CommandLine: Read(directory, "cmdline"), Environment: Read(directory, "environ")))
            .Where(process => process.CommandLine.Contains(text, StringComparison.Ordinal) || process.Environment.Contains(text, StringComparison.Ordinal))
            .Select(process => $"{process.Pid}: {process.CommandLine}"),
    ];

    /// <summary>Sends <paramref name="signal"/> (e.g. <c>STOP</c>, <c>CONT</c>) to a process, as <c>kill -SIGNAL pid</c> does.</summary>
    public static async Task SignalAsync(int pid, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(TestContext.Timeout);
        Assert.True(kill.ExitCode == 0, $"kill -{signal} {pid} failed ({kill.ExitCode}).");
    }

    // /proc files use NUL separators; a process may exit (or be another user's) between listing and reading.
    private static string Read(string processDirectory, string file)
    {
        try
        {
            return File.ReadAllText(Path.Combine(processDirectory, file)).Replace('\0', ' ');
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
