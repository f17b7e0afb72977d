using Shop.Bench.Harness;
using Shop.Bench.Reporting;

namespace Shop.Bench.Soak;

/// <summary>Everything one soak measured, and the first warnings each resource logged; written as soak.json and soak.md.</summary>
public sealed record SoakReport(
    MachineInfo Machine,
    SoakSettings Settings,
    SoakThresholds Thresholds,
    IReadOnlyList<SoakMinute> Minutes,
    SoakOrders Orders,
    SoakAfterLoad AfterLoad,
    IReadOnlyList<SoakTrend> Trends,
    SoakTotals Totals,
    IReadOnlyDictionary<string, IReadOnlyList<string>> FirstWarnings);

/// <summary>
/// One minute (1-based): the orders due in it (sent, accepted, refused) and their POST latency, the orders that became
/// final in it, the reads, and the system's <see cref="SoakSample"/> at its end.
/// </summary>
public sealed record SoakMinute(
    int Minute,
    int Sent,
    int Accepted,
    int Refused,
    int Final,
    double? AcceptP50Ms,
    double? AcceptP99Ms,
    int ReadsAnswered,
    int ReadsFailed,
    IReadOnlyDictionary<string, ResourceLogTally> Logs,
    IReadOnlyDictionary<string, double?> PssMiB,
    IReadOnlyList<TableSample> Tables,
    IReadOnlyDictionary<string, long?> Queues)
{
    public long Retries => Logs.Values.Sum(tally => tally.Retries);

    public long DeadLetters => Logs.Values.Sum(tally => tally.DeadLetters);
}

/// <summary>
/// The orders: refused ones by the status they got ("no answer" within 30 s); how the accepted ones ended (final
/// within the load, final after it in the drain, stuck or lost); those whose end does not match their card (a declined
/// card confirmed, an approved one cancelled); and effects that happened twice.
/// </summary>
public sealed record SoakOrders(
    int Sent,
    int Accepted,
    int Refused,
    IReadOnlyDictionary<string, int> RefusedByStatus,
    int Confirmed,
    int Cancelled,
    int FinalAfterLoad,
    int Stuck,
    int Lost,
    int UnexpectedOutcome,
    int DuplicatedCaptures,
    int DuplicatedNotifications);

/// <summary>From the load's end until every order was final: what each resource logged, and the queues at the end.</summary>
public sealed record SoakAfterLoad(double Seconds, IReadOnlyDictionary<string, ResourceLogTally> Logs, IReadOnlyDictionary<string, long?> Queues);

/// <summary>
/// A series' least-squares slope per minute over the second half of the minutes, its mean there, and the largest slope
/// allowed (null: reported, not judged).
/// </summary>
public sealed record SoakTrend(string Kind, string Series, string Unit, double? SlopePerMinute, double? Mean, double? Limit)
{
    public bool Exceeded => SlopePerMinute > Limit;
}

/// <summary>Over the whole soak, the drain after it included.</summary>
public sealed record SoakTotals(
    int AcceptedOrders,
    IReadOnlyDictionary<string, ResourceLogTally> Logs,
    IReadOnlyDictionary<string, double> LogBytesPer10kOrders)
{
    public long Retries => Logs.Values.Sum(tally => tally.Retries);

    public long DeadLetters => Logs.Values.Sum(tally => tally.DeadLetters);
}
