using System.Globalization;
using Shop.Bench.Harness;
using Shop.Bench.Reporting;

namespace Shop.Bench.Sections;

/// <summary>
/// Shop's event bus against a library peer (issue 18): the same event through outbox, RabbitMQ and an
/// inbox-committed handler, once with Shop's bus and once with Wolverine, each in a process of its own
/// (bench/Shop.Bench.BusPeer) on Shop's PostgreSQL server and broker, the buses alternating round by round. Each run
/// is saturation: a fixed number of producers publish as fast as their commits allow until every event's receipt is
/// committed. CPU is every process's between the peer's two pauses, so the bus's own cost (the peer, PostgreSQL,
/// RabbitMQ) and Shop's idle services around it are told apart.
/// </summary>
public static class BusPeerComparison
{
    public const string PeerProcess = "bus peer";

    /// <summary>The processes a bus's event costs: the peer itself, and the servers it uses.</summary>
    public static readonly IReadOnlyList<string> BusProcesses = [PeerProcess, "postgres", "beam.smp"];

    private static readonly string[] Buses = ["shop", "wolverine"];

    public static async Task<BusPeerResult> RunAsync(
        BenchedShop shop, ServiceDatabases databases, IReadOnlyDictionary<string, int> serviceProcesses, BenchSettings settings,
        TextWriter log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(databases);
        ArgumentNullException.ThrowIfNull(serviceProcesses);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);

        var server = await shop.PostgresConnectionStringAsync(ct);
        var messaging = await shop.MessagingConnectionStringAsync(ct);
        var runs = new List<BusPeerRun>();
        for (var round = 1; round <= settings.BusPeerRounds; round++)
        {
            foreach (var bus in Buses)
            {
                var run = await RunOnceAsync(bus, round, server, messaging, databases, serviceProcesses, settings, ct);
                await log.WriteLineAsync(
                    $"  {bus}, round {round}: {run.EventsPerSecond} events/s, {run.BusCpuPerEventMicroseconds} µs of CPU per event (peer, PostgreSQL, RabbitMQ)");
                runs.Add(run);
            }
        }

        return new BusPeerResult(settings.BusPeerEvents, settings.BusPeerWarmUpEvents, settings.BusPeerProducers, runs);
    }

    private static async Task<BusPeerRun> RunOnceAsync(
        string bus, int round, string server, string messaging, ServiceDatabases databases, IReadOnlyDictionary<string, int> serviceProcesses,
        BenchSettings settings, CancellationToken ct)
    {
        await using var peer = BusPeerProcess.Start(bus, server, messaging, settings.BusPeerEvents, settings.BusPeerWarmUpEvents, settings.BusPeerProducers);
        var cpu = new CpuAccounting(new Dictionary<string, int>(serviceProcesses) { [PeerProcess] = peer.ProcessId });
        await peer.ExpectAsync("warm", ct);

        var before = cpu.Snapshot();
        var firstTransaction = await databases.NextTransactionIdAsync(ct);
        await peer.GoOnAsync();
        var seconds = double.Parse(await peer.ExpectAsync("measured", ct), CultureInfo.InvariantCulture);
        var spent = CpuAccounting.Between(before, cpu.Snapshot());
        var writes = await databases.NextTransactionIdAsync(ct) - firstTransaction;
        await peer.GoOnAsync();

        var events = settings.BusPeerEvents;
        return new BusPeerRun(
            bus,
            round,
            Math.Round(seconds, 2),
            Math.Round(events / seconds, 1),
            Math.Round((double)writes / events, 2),
            [.. spent.Select(group => new CpuPerEvent(group.Group, Math.Round(group.Seconds * 1_000_000 / events, 1))).Where(share => share.Microseconds >= 1)]);
    }
}
