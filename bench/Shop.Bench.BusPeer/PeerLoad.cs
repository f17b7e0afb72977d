using System.Diagnostics;
using Npgsql;

namespace Shop.Bench.BusPeer;

/// <summary>
/// Saturation: a fixed number of producers publish as fast as their commits allow, each event in its own unit of work,
/// until <c>count</c> are published; the load is over when the handler's receipts for all of them are committed.
/// </summary>
public static class PeerLoad
{
    private static readonly TimeSpan ReceiptPollInterval = TimeSpan.FromMilliseconds(20);

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    /// <summary>Seconds from the first publish until <paramref name="expectedReceipts"/> receipts are committed.</summary>
    public static async Task<double> RunAsync(
        IPeerBus bus, string databaseConnectionString, int firstSequence, int count, int producers, long expectedReceipts, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(databaseConnectionString);
        await connection.OpenAsync(ct);
        var clock = Stopwatch.StartNew();
        var next = firstSequence - 1;
        var last = firstSequence + count - 1;
        var publishing = Task.WhenAll(Enumerable.Range(0, producers).Select(_ => Task.Run(
            async () =>
            {
                int sequence;
                while ((sequence = Interlocked.Increment(ref next)) <= last)
                {
                    await bus.PublishAsync(PeerEvent.Next(sequence), ct);
                }
            },
            ct)));

        long receipts;
        while ((receipts = await PeerDatabase.CountReceiptsAsync(connection, ct)) < expectedReceipts)
        {
            if (publishing.IsFaulted || clock.Elapsed > Patience)
            {
                await publishing; // its exception, if it has one
                throw new TimeoutException($"{receipts} of {expectedReceipts} receipts were committed within {Patience.TotalMinutes} minutes.");
            }

            await Task.Delay(ReceiptPollInterval, ct);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        await publishing;
        return seconds;
    }
}
