namespace Shop.Bench.Tools;

/// <summary>One HTTP load run: throughput, latency percentiles in milliseconds, and what went wrong.</summary>
public sealed record HttpLoadResult(
    double RequestsPerSecond,
    double P50Ms,
    double P99Ms,
    double P999Ms,
    long Requests,
    long Non2xxOr3xx,
    long SocketErrors);
