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
    /// Resident memory in MiB: <c>VmRSS</c> from <c>/proc/pid/status</c>, and the proportional set size with its parts
    /// from <c>/proc/pid/smaps_rollup</c>. Null when the process is gone.
    /// </summary>
    public static ResidentMemory? Memory(int pid)
    {
        var status = $"/proc/{pid}/status";
        var rollup = $"/proc/{pid}/smaps_rollup";
        if (!File.Exists(status) || !File.Exists(rollup))
        {
            return null;
        }

        var fields = File.ReadLines(status).Concat(File.ReadLines(rollup))
            .Select(line => line.Split(':', 2))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0])
            .ToDictionary(group => group.Key, group => group.First()[1].Trim());
        return new ResidentMemory(
            Megabytes(fields["VmRSS"]), Megabytes(fields["Pss"]), Megabytes(fields["Pss_Anon"]), Megabytes(fields["Pss_Shmem"]), Megabytes(fields["Pss_File"]));
    }

    // Both files report "123456 kB".
    private static double Megabytes(string value) =>
        Math.Round(long.Parse(value.Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0, 1);
}
