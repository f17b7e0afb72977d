using Shop.Bench.Harness;
using Shop.Bench.Reporting;

namespace Shop.Bench.Sections;

/// <summary>
/// Orders at half the sustained rate on a product of their own while <c>messaging</c> is stopped (the Aspire stop
/// command) and started again. Afterwards every accepted order must be final and confirmed exactly once: one capture,
/// one confirmation notice, and the product's stock lower by exactly the confirmed units.
/// </summary>
public static class BrokerOutage
{
    public static async Task<BrokerOutageResult> RunAsync(
        BenchedShop shop, Workload workload, ServiceDatabases databases, double rate, BenchSettings settings, TextWriter log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(databases);
        ArgumentNullException.ThrowIfNull(settings);

        var product = await workload.Client.CreateProductAsync(workload.AdminToken, Workload.ProductStock, ct);
        var load = OpenLoopLoad.RunAsync(workload.Client, workload.Customers, [product], rate, settings.OutageLoad, ct);

        await Task.Delay(settings.OutageStart, ct);
        await shop.StopAsync(BenchedShop.Messaging, ct);
        await log.WriteLineAsync($"  messaging stopped at {DateTimeOffset.UtcNow:HH:mm:ss.f}");
        await Task.Delay(settings.Outage, ct);
        await shop.StartAsync(BenchedShop.Messaging, ct);
        var restartedAt = DateTimeOffset.UtcNow;
        await log.WriteLineAsync($"  messaging healthy again at {restartedAt:HH:mm:ss.f}");

        var outcomes = await OrderCompletion.FollowAsync(workload.Client, await load, ct);
        var confirmed = outcomes.Confirmed;
        var (captures, notifications) = await databases.DuplicatedEffectsAsync([.. confirmed.Select(order => order.Attempt.OrderId!.Value)], ct);
        var sold = Workload.ProductStock - await workload.Client.AvailableAsync(product, ct);
        // The backlog is what was placed before the broker came back; later orders flow normally.
        var backlogDrained = outcomes.Finished
            .Where(order => order.Attempt.SentAt < restartedAt && order.FinishedAt is not null)
            .Select(order => order.FinishedAt!.Value)
            .DefaultIfEmpty(restartedAt)
            .Max();

        return new BrokerOutageResult(
            rate,
            settings.Outage.TotalSeconds,
            outcomes.Attempts.Count,
            outcomes.Accepted.Count,
            confirmed.Count,
            outcomes.Cancelled,
            outcomes.Stuck,
            outcomes.Lost,
            captures,
            notifications,
            sold - confirmed.Count,
            Math.Round(Math.Max((backlogDrained - restartedAt).TotalSeconds, 0), 1));
    }
}
