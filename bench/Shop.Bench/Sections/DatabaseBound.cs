using System.Diagnostics;
using Shop.Bench.Harness;
using Shop.Bench.Reporting;
using Shop.Bench.Tools;

namespace Shop.Bench.Sections;

/// <summary>
/// What PostgreSQL on this machine allows (pgbench TPC-B-like and select-only on the same server the services use),
/// and what one order costs it: transactions counted in <c>pg_stat_database</c> across the five service databases,
/// minus what the idle system runs anyway (relay polls, health checks) over the same time.
/// </summary>
public static class DatabaseBound
{
    private const double CountingRate = 20;

    private const string PgBenchDatabase = "shopbench";

    // The services' connection pools already hold dozens of PostgreSQL's 100 connections after the load.
    private const int PgBenchClients = 8;

    private const int PgBenchThreads = 2;

    public static async Task<DatabaseBoundResult> RunAsync(
        Workload workload, ServiceDatabases databases, string serverConnectionString, BenchSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(databases);
        ArgumentNullException.ThrowIfNull(settings);

        var (orders, writesPerOrder, perOrder) = await CountTransactionsPerOrderAsync(workload, databases, settings, ct);

        var target = PostgresTarget.FromConnectionString(serverConnectionString, PgBenchDatabase);
        await PgBench.CreateDatabaseAsync(target, ct);
        await PgBench.InitializeAsync(target, settings.PgBenchScale, ct);
        var tpcb = await PgBench.RunAsync(target, selectOnly: false, PgBenchClients, PgBenchThreads, settings.PgBenchDuration, ct);
        var selectOnly = await PgBench.RunAsync(target, selectOnly: true, PgBenchClients, PgBenchThreads, settings.PgBenchDuration, ct);

        return new DatabaseBoundResult(orders, writesPerOrder, Math.Round(perOrder.Values.Sum(), 1), perOrder, tpcb, selectOnly);
    }

    private static async Task<(int Orders, double WritesPerOrder, Dictionary<string, double> PerOrder)> CountTransactionsPerOrderAsync(
        Workload workload, ServiceDatabases databases, BenchSettings settings, CancellationToken ct)
    {
        // The idle rate, over a window as long as the settle time, once the previous load's statistics are flushed
        // (otherwise they land in the idle window and the subtraction takes them off the orders).
        await Task.Delay(settings.StatisticsSettle, ct);
        var idleStart = await databases.TransactionCountsAsync(ct);
        var idleWritesStart = await databases.NextTransactionIdAsync(ct);
        var idleClock = Stopwatch.StartNew();
        await Task.Delay(settings.StatisticsSettle, ct);
        var idleEnd = await databases.TransactionCountsAsync(ct);
        var idleWritesEnd = await databases.NextTransactionIdAsync(ct);
        var idleSeconds = idleClock.Elapsed.TotalSeconds;

        var loadClock = Stopwatch.StartNew();
        var attempts = await OpenLoopLoad.RunAsync(
            workload.Client, workload.Customers, workload.Products, CountingRate, TimeSpan.FromSeconds(settings.TransactionCountOrders / CountingRate), ct);
        var confirmed = (await OrderCompletion.FollowAsync(workload.Client, attempts, ct)).Confirmed.Count;
        if (confirmed != attempts.Count)
        {
            throw new InvalidOperationException($"Only {confirmed} of {attempts.Count} orders were confirmed while counting transactions.");
        }

        var loadWritesEnd = await databases.NextTransactionIdAsync(ct);
        var writeSeconds = loadClock.Elapsed.TotalSeconds;
        await Task.Delay(settings.StatisticsSettle, ct);
        var loadEnd = await databases.TransactionCountsAsync(ct);
        var loadSeconds = loadClock.Elapsed.TotalSeconds;
        var idleWriteRate = (idleWritesEnd - idleWritesStart) / idleSeconds;
        var writesPerOrder = Math.Round((loadWritesEnd - idleWritesEnd - (idleWriteRate * writeSeconds)) / confirmed, 1);

        var perOrder = ServiceDatabases.Names.ToDictionary(
            name => name,
            name =>
            {
                var idleRate = (idleEnd[name] - idleStart[name]) / idleSeconds;
                var spent = loadEnd[name] - idleEnd[name] - (idleRate * loadSeconds);
                return Math.Round(Math.Max(spent, 0) / confirmed, 2);
            });
        return (confirmed, writesPerOrder, perOrder);
    }
}
