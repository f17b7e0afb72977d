using System.Globalization;

namespace Shop.Bench.Harness;

/// <summary>
/// CPU time used by every process on the machine, grouped by what it is: the Shop instances by resource name, the
/// rest by executable (<c>postgres</c>, <c>beam.smp</c>, <c>dcp</c>, the harness itself). Two snapshots around a
/// step give where the step's CPU went; processes that ended in between are not counted.
/// </summary>
public sealed class CpuAccounting(IReadOnlyDictionary<string, int> serviceProcesses)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux.

    public IReadOnlyDictionary<int, (string Group, double Seconds)> Snapshot()
    {
        var names = serviceProcesses.ToDictionary(pair => pair.Value, pair => pair.Key);
        var snapshot = new Dictionary<int, (string, double)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || ReadStat(directory) is not { } stat)
            {
                continue;
            }

            snapshot[pid] = (names.TryGetValue(pid, out var resource) ? resource : stat.Command, stat.Seconds);
        }

        return snapshot;
    }

    /// <summary>CPU seconds per group between two snapshots, largest first.</summary>
    public static IReadOnlyList<(string Group, double Seconds)> Between(
        IReadOnlyDictionary<int, (string Group, double Seconds)> before, IReadOnlyDictionary<int, (string Group, double Seconds)> after) =>
        [
            .. after
                .Select(process => (process.Value.Group, Seconds: process.Value.Seconds - (before.TryGetValue(process.Key, out var was) ? was.Seconds : 0)))
                .GroupBy(process => process.Group)
                .Select(group => (group.Key, group.Sum(process => process.Seconds)))
                .Where(group => group.Item2 > 0)
                .OrderByDescending(group => group.Item2),
        ];

    // /proc/pid/stat: "pid (comm) state ppid ... utime(14) stime(15) ..."; comm may contain spaces and parentheses.
    private static (string Command, double Seconds)? ReadStat(string directory)
    {
        string text;
        try
        {
            text = File.ReadAllText(Path.Combine(directory, "stat"));
        }
        catch (IOException)
        {
            return null;
        }

        var open = text.IndexOf('(', StringComparison.Ordinal);
        var close = text.LastIndexOf(')');
        var fields = text[(close + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return (text[(open + 1)..close], ticks / TicksPerSecond);
    }
}
