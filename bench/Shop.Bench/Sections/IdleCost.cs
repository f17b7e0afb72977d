using System.Diagnostics;
using Shop.Bench.Harness;
using Shop.Bench.Reporting;

namespace Shop.Bench.Sections;

/// <summary>
/// What Shop costs with no traffic at all: CPU of every process on the machine over a window with no request. The
/// window starts once the system is quiet (no unsent outbox row, no message waiting in any queue: events that do not
/// decide an order's state, such as notifications', may still be draining when every order is final) and a pause
/// after that. Shop is its service instances, the gateway, PostgreSQL and RabbitMQ, what a deployment runs; the rest
/// (DCP, the harness with its in-process AppHost, the kernel) is reported apart, since only local mode has it.
/// </summary>
public static class IdleCost
{
    /// <summary>PostgreSQL's server and backends; RabbitMQ's Erlang VM, port helper and name daemons.</summary>
    private static readonly string[] InfrastructureExecutables = ["postgres", "beam.smp", "erl_child_setup", "epmd", "inet_gethost"];

    private static readonly TimeSpan QuietPatience = TimeSpan.FromSeconds(120);

    public static async Task<IdleResult> RunAsync(
        BenchedShop shop, ServiceDatabases databases, CpuAccounting cpu, BenchSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(databases);
        ArgumentNullException.ThrowIfNull(cpu);
        ArgumentNullException.ThrowIfNull(settings);

        var quietAfter = await WaitUntilQuietAsync(databases, new QueueDepthReader(await shop.MessagingConnectionStringAsync(ct)), ct);
        await Task.Delay(settings.IdleSettle, ct);
        var first = await MeasureWindowAsync(cpu, settings.IdleWindow, ct);

        // Then the same windows back to back: whether what a process spends idle fades as the runtime finishes
        // recompiling the code the load made hot (bench/README.md, the idle row), or stays.
        var later = new List<IdleWindow>();
        var sinceQuiet = settings.IdleSettle + settings.IdleWindow;
        for (var window = 0; window < settings.IdleLaterWindows; window++)
        {
            var spent = await MeasureWindowAsync(cpu, settings.IdleWindow, ct);
            sinceQuiet += settings.IdleWindow;
            later.Add(new IdleWindow(sinceQuiet.TotalSeconds, [.. spent.Where(share => IsShop(share.Process))]));
        }

        return new IdleResult(Math.Round(quietAfter.TotalSeconds, 1), settings.IdleSettle.TotalSeconds, settings.IdleWindow.TotalSeconds,
            [.. first.Where(share => IsShop(share.Process))], [.. first.Where(share => !IsShop(share.Process))], later);
    }

    private static async Task<List<IdleShare>> MeasureWindowAsync(CpuAccounting cpu, TimeSpan window, CancellationToken ct)
    {
        var before = cpu.Snapshot();
        await Task.Delay(window, ct);
        return
        [
            .. CpuAccounting.Between(before, cpu.Snapshot())
                .Select(group => new IdleShare(group.Group, Math.Round(group.Seconds * 100 / window.TotalSeconds, 2))),
        ];
    }

    private static async Task<TimeSpan> WaitUntilQuietAsync(ServiceDatabases databases, QueueDepthReader queues, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var unsent = (await databases.EventBusTablesAsync(ct)).Sum(table => table.Pending ?? 0);
            var waiting = (await queues.ReadAsync(ct)).Values.Sum(depth => depth ?? 0);
            if (unsent == 0 && waiting == 0)
            {
                return clock.Elapsed;
            }

            if (clock.Elapsed > QuietPatience)
            {
                throw new InvalidOperationException($"Not quiet {QuietPatience.TotalSeconds} s after the load: {unsent} unsent outbox rows, {waiting} queued messages.");
            }

            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }
    }

    private static bool IsShop(string process) =>
        BenchedShop.ServiceInstances.Contains(process) || InfrastructureExecutables.Contains(process);
}
