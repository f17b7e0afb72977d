using System.Globalization;

namespace Shop.Bench.Soak;

/// <summary>
/// One soak: steady open-loop load for <see cref="Minutes"/> minutes, sampled once a minute. Retention is made short
/// (minutes, not days) so the outbox and inbox tables reach their plateau early and the second half shows whether
/// they stay flat.
/// </summary>
public sealed record SoakSettings(
    int Minutes,
    double OrdersPerSecond,
    int DeclinedEvery,
    double CatalogReadsPerSecond,
    double OrderReadsPerSecond,
    TimeSpan OutboxRetention,
    TimeSpan InboxRetention,
    TimeSpan CleanupInterval,
    TimeSpan SampleInterval,
    TimeSpan RampUp,
    TimeSpan CustomerRenewal)
{
    public const int DefaultMinutes = 15;

    public static SoakSettings For(int minutes) => new(
        Minutes: minutes,
        OrdersPerSecond: 40,
        // Every 10th order's card is declined, so the cancelling path of the saga runs too.
        DeclinedEvery: 10,
        CatalogReadsPerSecond: 20,
        OrderReadsPerSecond: 20,
        OutboxRetention: TimeSpan.FromMinutes(3),
        InboxRetention: TimeSpan.FromMinutes(3),
        CleanupInterval: TimeSpan.FromSeconds(30),
        SampleInterval: TimeSpan.FromMinutes(1),
        // Traffic reaches a new deployment gradually (a load balancer's slow start, a rolling update); the full rate on
        // processes seconds old measures their cold start (issue 17), not the steady state this run is about.
        RampUp: TimeSpan.FromMinutes(1),
        // Access tokens live 60 minutes; customers signed up this often keep a long soak's orders authorized.
        CustomerRenewal: TimeSpan.FromMinutes(30));

    public TimeSpan Duration => SampleInterval * Minutes;

    /// <summary>The AppHost forwards its <c>Messaging</c> section to every service as <c>Messaging__…</c>.</summary>
    public IReadOnlyList<string> AppHostArguments =>
    [
        $"--Messaging:OutboxRetention={Format(OutboxRetention)}",
        $"--Messaging:InboxRetention={Format(InboxRetention)}",
        $"--Messaging:CleanupInterval={Format(CleanupInterval)}",
    ];

    public bool IsDeclined(int orderNumber) => orderNumber % DeclinedEvery == DeclinedEvery - 1;

    private static string Format(TimeSpan span) => span.ToString("c", CultureInfo.InvariantCulture);
}
