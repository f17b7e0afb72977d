using System.Globalization;

namespace Shop.Bench.Harness;

/// <summary>What <c>/proc</c> says about a process: its children and its resident memory.</summary>
public static class LinuxProcess
{
    public static IReadOnlyList<int> Children(int pid)
    {
        var path = $"/proc/{pid}/task/{pid}/children";
        return File.Exists(path)
            ? [.. File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(child => int.Parse(child, CultureInfo.InvariantCulture))]
            : [];
    }

    /// <summary>
    /// Resident memory in MiB: all of it (<c>VmRSS</c>), and the part private to the process (<c>RssAnon</c>: heaps,
    /// JIT code, stacks) as opposed to mapped files that every .NET process shares (<c>RssFile</c>). Null when the
    /// process is gone.
    /// </summary>
    public static (double Total, double Private)? ResidentMegabytes(int pid)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status))
        {
            return null;
        }

        var fields = File.ReadLines(status)
            .Select(line => line.Split(':', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1].Trim());
        return (Megabytes(fields["VmRSS"]), Megabytes(fields["RssAnon"]));
    }

    // "/proc/pid/status" reports "123456 kB".
    private static double Megabytes(string value) =>
        Math.Round(long.Parse(value.Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0, 1);
}
