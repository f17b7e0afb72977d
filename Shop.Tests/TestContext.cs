namespace Shop.Tests;

/// <summary>Bounds every wait on the distributed app so a hang fails a test instead of stalling the run.</summary>
internal static class TestContext
{
    public static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(3);

    private static readonly TimeSpan OperationTimeout = TimeSpan.FromMinutes(1);

    /// <summary>A token that cancels after a minute; one per operation, left to the GC with its timer.</summary>
    public static CancellationToken Timeout => new CancellationTokenSource(OperationTimeout).Token;
}
