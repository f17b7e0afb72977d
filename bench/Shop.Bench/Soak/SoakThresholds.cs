namespace Shop.Bench.Soak;

/// <summary>
/// What fails a soak besides a lost, stuck, mis-ended or duplicated order. Slopes are least-squares fits over the
/// second half of the minutes, after warm-up and after the short retention has started deleting.
/// </summary>
public sealed record SoakThresholds(
    double MaxTableRowGrowthOfMeanPerMinute,
    double MaxLogBytesPer10kOrders,
    double MaxPssMiBPerMinute,
    int MaxRetries,
    int MaxDeadLetters)
{
    public static readonly SoakThresholds Default = new(
        MaxTableRowGrowthOfMeanPerMinute: 0.05,
        MaxLogBytesPer10kOrders: 1_000_000,
        MaxPssMiBPerMinute: 2,
        MaxRetries: 0,
        MaxDeadLetters: 0);

    public IReadOnlyList<string> Describe() =>
    [
        $"every accepted order final within {BenchSettings.CompletionPatience.TotalSeconds} s of the load's end, as its card says (Confirmed, or Cancelled when declined), confirmed once",
        $"outbox and inbox rows: slope ≤ {MaxTableRowGrowthOfMeanPerMinute:P0} of the table's mean per minute",
        $"console log of each service instance and the gateway: ≤ {MaxLogBytesPer10kOrders:N0} bytes per 10,000 accepted orders",
        $"PSS of each service instance and the gateway: slope ≤ {MaxPssMiBPerMinute} MiB/min",
        $"handling retries (\"failed (attempt\") ≤ {MaxRetries}, dead-lettered events ≤ {MaxDeadLetters}, dead-letter queues empty",
    ];
}
