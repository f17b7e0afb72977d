using Shop.Bench.Harness;
using Shop.Bench.Reporting;

namespace Shop.Bench.Sections;

/// <summary>
/// What Shop costs with no traffic at all: CPU of every process on the machine over a window with no request, after
/// the previous section's orders are final and a pause. Shop is its service instances, the gateway, PostgreSQL and
/// RabbitMQ, what a deployment runs; the rest (DCP, the harness with its in-process AppHost, the kernel) is reported
/// apart, since only local mode has it.
/// </summary>
public static class IdleCost
{
    /// <summary>PostgreSQL's server and backends; RabbitMQ's Erlang VM, port helper and name daemons.</summary>
    private static readonly string[] InfrastructureExecutables = ["postgres", "beam.smp", "erl_child_setup", "epmd", "inet_gethost"];

    public static async Task<IdleResult> RunAsync(CpuAccounting cpu, BenchSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        ArgumentNullException.ThrowIfNull(settings);

        await Task.Delay(settings.IdleSettle, ct);
        var before = cpu.Snapshot();
        await Task.Delay(settings.IdleWindow, ct);
        var spent = CpuAccounting.Between(before, cpu.Snapshot())
            .Select(group => new IdleShare(group.Group, Math.Round(group.Seconds * 100 / settings.IdleWindow.TotalSeconds, 2)))
            .ToList();
        return new IdleResult(settings.IdleSettle.TotalSeconds, settings.IdleWindow.TotalSeconds,
            [.. spent.Where(share => IsShop(share.Process))], [.. spent.Where(share => !IsShop(share.Process))]);
    }

    private static bool IsShop(string process) =>
        BenchedShop.ServiceInstances.Contains(process) || InfrastructureExecutables.Contains(process);
}
