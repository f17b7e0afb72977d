namespace Shop.Bench.BusPeer.WolverineBus;

/// <summary>
/// Wolverine's handler for the event, by its conventions: with EF Core transactions applied, Wolverine saves the
/// receipt and marks the durable inbox's envelope handled in one transaction.
/// </summary>
public static class WolverineReceiptHandler
{
    public static void Handle(PeerEvent peerEvent, WolverineBusDbContext db) => db.Add(Receipt.For(peerEvent));
}
