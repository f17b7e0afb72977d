namespace Shop.Bench.Tools;

/// <summary>One pgbench run: which built-in script (Mode), how many clients, and the throughput and latency it reached.</summary>
public sealed record PgBenchResult(
    string Mode,
    int Clients,
    double TransactionsPerSecond,
    double AverageLatencyMs,
    long Transactions);
