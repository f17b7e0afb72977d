namespace Shop.Bench;

/// <summary>
/// The sizes of one run. The full run takes about 7 minutes on 2 cores; the quick one (CI) only proves the harness
/// works end to end and that no order is lost, with numbers too small to mean anything about speed.
/// </summary>
public sealed record BenchSettings(
    bool Quick,
    TimeSpan WrkWarmUp,
    TimeSpan WrkDuration,
    int WrkConnections,
    TimeSpan WrkOneClientDuration,
    int Customers,
    int Products,
    IReadOnlyList<double> PipelineRates,
    TimeSpan PipelineWarmUp,
    TimeSpan PipelineStep,
    int TransactionCountOrders,
    TimeSpan StatisticsSettle,
    int PgBenchScale,
    TimeSpan PgBenchDuration,
    TimeSpan IdleSettle,
    TimeSpan IdleWindow,
    int IdleLaterWindows,
    TimeSpan OutageLoad,
    TimeSpan OutageStart,
    TimeSpan Outage,
    int BusPeerRounds,
    int BusPeerEvents,
    int BusPeerWarmUpEvents,
    int BusPeerProducers)
{
    public static readonly BenchSettings Full = new(
        Quick: false,
        WrkWarmUp: TimeSpan.FromSeconds(15),
        WrkDuration: TimeSpan.FromSeconds(10),
        WrkConnections: 64,
        WrkOneClientDuration: TimeSpan.FromSeconds(5),
        Customers: 50,
        Products: 20,
        PipelineRates: [25, 50, 100, 150, 200, 300, 400],
        PipelineWarmUp: TimeSpan.FromSeconds(20),
        PipelineStep: TimeSpan.FromSeconds(15),
        TransactionCountOrders: 200,
        // PostgreSQL 15 flushes a backend's statistics at most once a second and an idle one's within 10 s.
        StatisticsSettle: TimeSpan.FromSeconds(11),
        PgBenchScale: 10,
        PgBenchDuration: TimeSpan.FromSeconds(10),
        // After load .NET keeps recompiling hot code at tier 1 and the GC shrinks its heaps; 10 s was not enough
        // (payments and notifications still spent 2-3 % each).
        IdleSettle: TimeSpan.FromSeconds(60),
        IdleWindow: TimeSpan.FromSeconds(30),
        // Four more windows: 3.5 minutes after the quiet in all.
        IdleLaterWindows: 4,
        OutageLoad: TimeSpan.FromSeconds(30),
        OutageStart: TimeSpan.FromSeconds(5),
        Outage: TimeSpan.FromSeconds(10),
        // Two rounds, the buses alternating, so that a slow spell of the shared machine does not land on one bus only.
        BusPeerRounds: 2,
        BusPeerEvents: 4000,
        BusPeerWarmUpEvents: 500,
        BusPeerProducers: 8);

    public static readonly BenchSettings QuickCheck = new(
        Quick: true,
        WrkWarmUp: TimeSpan.FromSeconds(1),
        WrkDuration: TimeSpan.FromSeconds(2),
        WrkConnections: 16,
        WrkOneClientDuration: TimeSpan.FromSeconds(1),
        Customers: 5,
        Products: 3,
        PipelineRates: [10, 20],
        PipelineWarmUp: TimeSpan.FromSeconds(2),
        PipelineStep: TimeSpan.FromSeconds(4),
        TransactionCountOrders: 20,
        // Counts taken before every backend has flushed are approximate; quick mode only checks that they are taken.
        StatisticsSettle: TimeSpan.FromSeconds(2),
        PgBenchScale: 1,
        PgBenchDuration: TimeSpan.FromSeconds(2),
        IdleSettle: TimeSpan.FromSeconds(2),
        IdleWindow: TimeSpan.FromSeconds(5),
        IdleLaterWindows: 1,
        OutageLoad: TimeSpan.FromSeconds(8),
        OutageStart: TimeSpan.FromSeconds(2),
        Outage: TimeSpan.FromSeconds(3),
        BusPeerRounds: 1,
        BusPeerEvents: 200,
        BusPeerWarmUpEvents: 50,
        BusPeerProducers: 4);

    /// <summary>How long the harness waits for an accepted order to reach its final state before calling it stuck.</summary>
    public static readonly TimeSpan CompletionPatience = TimeSpan.FromSeconds(60);
}
