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

/// <summary>
/// A process's resident memory in MiB.
/// <list type="bullet">
/// <item><see cref="Resident"/>: <c>VmRSS</c>, every resident page it maps, counted in full even when other processes
/// map the same page (the runtime and framework files every .NET process loads).</item>
/// <item><see cref="Proportional"/>: PSS, each shared page divided among the processes that map it. The sum over all
/// processes is the memory they use together, so this is what the process costs.</item>
/// <item>PSS in three parts: <see cref="Anonymous"/> (GC heap, native heaps, stacks), <see cref="RuntimeCode"/> (JIT
/// code, stubs and type data, which .NET keeps in a shared memory file it maps twice, writable and executable, never
/// both: W^X) and <see cref="Files"/> (this process's share of the mapped assemblies and native libraries).</item>
/// </list>
/// </summary>
public sealed record ResidentMemory(double Resident, double Proportional, double Anonymous, double RuntimeCode, double Files);
