using Shop.Bench.Harness;

namespace Shop.Bench.Soak;

/// <summary>
/// What a soak recorded, before analysis: when the load started, the minute samples, every order and how each accepted
/// one ended, the reads per minute (0-based), the duplicated effects, and the drain after the load.
/// </summary>
public sealed record SoakRecording(
    DateTimeOffset StartedAt,
    IReadOnlyList<SoakSample> Samples,
    IReadOnlyList<SoakOrder> Orders,
    IReadOnlyList<CompletedOrder> Finished,
    IReadOnlyList<(int Answered, int Failed)> Reads,
    (int Captures, int Notifications) Duplicated,
    SoakAfterLoad AfterLoad);
