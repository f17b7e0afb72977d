using Shop.Bench.Harness;
using Shop.Bench.Reporting;

namespace Shop.Bench.Sections;

/// <summary>
/// Orders placed open-loop at stepped rates; each step is followed until every accepted order is final. Stepping
/// stops after the first step that is not sustained (a refusal, a cancellation, a stuck order or p99 completion over 1 s).
/// </summary>
public static class OrderPipeline
{
    public static async Task<PipelineResult> RunAsync(Workload workload, CpuAccounting cpu, BenchSettings settings, TextWriter log, CancellationToken ct)
    {
        // JIT, connection pools and the saga's first passes warm up in a discarded step at the lowest rate.
        await RunStepAsync(workload, cpu, settings.PipelineRates[0], settings.PipelineWarmUp, ct);
        var steps = new List<PipelineStep>();
        foreach (var rate in settings.PipelineRates)
        {
            var step = await RunStepAsync(workload, cpu, rate, settings.PipelineStep, ct);
            steps.Add(step);
            await log.WriteLineAsync(
                $"  {rate,5}/s offered: {step.AcceptedPerSecond:F1}/s accepted, {step.CompletedPerSecond:F1}/s confirmed, " +
                $"accept p99 {step.Accept.P99Ms} ms, completion p50/p99 {step.Completion.P50Ms}/{step.Completion.P99Ms} ms, " +
                $"refused {step.Refused}, stuck {step.Stuck}, lost {step.Lost}; CPU per order {step.CpuPerOrderTotalMs} ms");
            if (!step.Sustained)
            {
                break;
            }
        }

        return new PipelineResult(settings.PipelineStep.TotalSeconds, workload.Customers.Count, steps);
    }

    public static async Task<PipelineStep> RunStepAsync(Workload workload, CpuAccounting cpu, double rate, TimeSpan duration, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(cpu);

        var cpuBefore = cpu.Snapshot();
        var attempts = await OpenLoopLoad.RunAsync(workload.Client, workload.Customers, workload.Products, rate, duration, ct);
        var outcomes = await OrderCompletion.FollowAsync(workload.Client, attempts, ct);
        var cpuSpent = CpuAccounting.Between(cpuBefore, cpu.Snapshot());

        var accepted = outcomes.Accepted;
        var confirmed = outcomes.Confirmed;
        var first = attempts.Min(attempt => attempt.SentAt);
        var lastSent = attempts.Max(attempt => attempt.SentAt);
        var lastAnswer = attempts.Max(attempt => attempt.SentAt + attempt.AcceptLatency);
        // The steady completion rate: confirmations within the sending window, not the tail that drains after it.
        var confirmedWhileSending = confirmed.Count(order => order.FinishedAt <= lastSent);
        return new PipelineStep(
            rate,
            attempts.Count,
            accepted.Count,
            attempts.Count - accepted.Count,
            Math.Round(accepted.Count / Seconds(lastAnswer - first), 1),
            Math.Round(confirmedWhileSending / Seconds(lastSent - first), 1),
            confirmed.Count,
            outcomes.Cancelled,
            outcomes.Stuck,
            outcomes.Lost,
            Percentiles.Summarize(accepted.Select(attempt => attempt.AcceptLatency)),
            Percentiles.Summarize(confirmed.Select(order => order.CompletionLatency!.Value)),
            [.. cpuSpent.Select(group => new CpuShare(group.Group, Math.Round(group.Seconds * 1000 / Math.Max(confirmed.Count, 1), 2)))]);
    }

    private static double Seconds(TimeSpan span) => Math.Max(span.TotalSeconds, 0.001);
}
