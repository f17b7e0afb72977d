using Shop.Bench.Harness;

namespace Shop.Bench.Soak;

/// <summary>
/// The system at the end of one minute (1-based): what each resource logged during it, each process's PSS in MiB,
/// the event-bus tables and the queues' ready messages.
/// </summary>
public sealed record SoakSample(
    int Minute,
    IReadOnlyDictionary<string, ResourceLogTally> Logs,
    IReadOnlyDictionary<string, double?> PssMiB,
    IReadOnlyList<TableSample> Tables,
    IReadOnlyDictionary<string, long?> Queues);
