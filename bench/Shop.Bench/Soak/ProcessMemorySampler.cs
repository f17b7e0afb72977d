using Shop.Bench.Harness;

namespace Shop.Bench.Soak;

/// <summary>
/// PSS in MiB of each Shop process (every service instance and the gateway), and of PostgreSQL's and RabbitMQ's whole
/// process trees (the server and its backends; the Erlang VM and its helpers): PSS adds up, so a tree's sum is what it
/// costs. Null for a process that is gone.
/// </summary>
public sealed class ProcessMemorySampler(IReadOnlyDictionary<string, int> shopProcesses, IReadOnlyDictionary<string, int> infrastructureLaunchers)
{
    public IReadOnlyDictionary<string, double?> Sample()
    {
        var sample = shopProcesses.ToDictionary(process => process.Key, process => Pss(process.Value));
        foreach (var (resource, launcher) in infrastructureLaunchers)
        {
            var tree = Tree(launcher).Select(Pss).OfType<double>().ToList();
            sample[resource] = tree.Count == 0 ? null : Math.Round(tree.Sum(), 1);
        }

        return sample;
    }

    private static IEnumerable<int> Tree(int pid) => UnlessGone(() => LinuxProcess.Children(pid), []).SelectMany(Tree).Prepend(pid);

    private static double? Pss(int pid) => UnlessGone(() => LinuxProcess.Memory(pid)?.Proportional, null);

    // PostgreSQL's backends come and go: one may exit between listing it and reading its /proc files, or be a zombie
    // whose files are empty.
    private static T UnlessGone<T>(Func<T> read, T gone)
    {
        try
        {
            return read();
        }
        catch (Exception exception) when (exception is IOException or KeyNotFoundException)
        {
            return gone;
        }
    }
}
