namespace Shop.Inventory.Domain;

/// <summary>
/// Inventory's record of one order's stock, so every later event about the order (confirmed, cancelled, delivered
/// twice, arriving early) changes the stock exactly once and only the way the order's state allows.
/// </summary>
public sealed class Reservation
{
    private readonly List<ReservedLine> _lines = [];

    private Reservation()
    {
    }

    public Guid OrderId { get; private set; }

    public Guid UserId { get; private set; }

    public ReservationStatus Status { get; private set; }

    /// <summary>What is (or was) held for the order; empty for a rejected or pre-empted reservation.</summary>
    public IReadOnlyList<ReservedLine> Lines => _lines;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Reservation Reserved(Guid orderId, Guid userId, IEnumerable<ReservedLine> lines, DateTimeOffset now)
    {
        var reservation = New(orderId, userId, ReservationStatus.Reserved, now);
        reservation._lines.AddRange(lines);
        return reservation;
    }

    public static Reservation Rejected(Guid orderId, Guid userId, DateTimeOffset now) =>
        New(orderId, userId, ReservationStatus.Rejected, now);

    /// <summary>
    /// The order was cancelled before its OrderPlaced was handled here: recorded as released with nothing held, so a
    /// late OrderPlaced reserves nothing.
    /// </summary>
    public static Reservation ReleasedBeforeReserving(Guid orderId, Guid userId, DateTimeOffset now) =>
        New(orderId, userId, ReservationStatus.Released, now);

    public void MarkSold(DateTimeOffset now) => MoveTo(ReservationStatus.Reserved, ReservationStatus.Sold, now);

    public void MarkReleased(DateTimeOffset now) => MoveTo(ReservationStatus.Reserved, ReservationStatus.Released, now);

    public void MarkReturned(DateTimeOffset now) => MoveTo(ReservationStatus.Sold, ReservationStatus.Returned, now);

    private void MoveTo(ReservationStatus from, ReservationStatus to, DateTimeOffset now)
    {
        if (Status != from)
        {
            throw new InvalidOperationException($"Reservation of order {OrderId} is {Status}; only a {from} one can become {to}.");
        }

        Status = to;
        UpdatedAt = now;
    }

    private static Reservation New(Guid orderId, Guid userId, ReservationStatus status, DateTimeOffset now) => new()
    {
        OrderId = orderId,
        UserId = userId,
        Status = status,
        CreatedAt = now,
        UpdatedAt = now,
    };
}
