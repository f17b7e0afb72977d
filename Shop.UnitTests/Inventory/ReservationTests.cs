using Shop.Inventory.Domain;

namespace Shop.UnitTests.Inventory;

/// <summary>
/// A reservation's life: Reserved → Sold → Returned, Reserved → Released; Rejected and a release before reserving
/// are final from the start. Every other move is refused and changes nothing.
/// </summary>
public sealed class ReservationTests
{
    private static readonly DateTimeOffset CreatedAt = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = CreatedAt.AddMinutes(1);
    private static readonly Guid Order = new("0190a000-0000-7000-8000-0000000000a1");
    private static readonly Guid Customer = new("0190a000-0000-7000-8000-0000000000c1");

    public static TheoryData<ReservationStatus, string> RefusedMoves => new()
    {
        { ReservationStatus.Rejected, nameof(Reservation.MarkSold) },
        { ReservationStatus.Rejected, nameof(Reservation.MarkReleased) },
        { ReservationStatus.Rejected, nameof(Reservation.MarkReturned) },
        { ReservationStatus.Reserved, nameof(Reservation.MarkReturned) },
        { ReservationStatus.Sold, nameof(Reservation.MarkSold) },
        { ReservationStatus.Sold, nameof(Reservation.MarkReleased) },
        { ReservationStatus.Released, nameof(Reservation.MarkSold) },
        { ReservationStatus.Released, nameof(Reservation.MarkReleased) },
        { ReservationStatus.Released, nameof(Reservation.MarkReturned) },
        { ReservationStatus.Returned, nameof(Reservation.MarkSold) },
        { ReservationStatus.Returned, nameof(Reservation.MarkReleased) },
        { ReservationStatus.Returned, nameof(Reservation.MarkReturned) },
    };

    [Fact]
    public void A_reservation_holds_the_order_s_lines()
    {
        ReservedLine[] lines = [new(Guid.CreateVersion7(), 2), new(Guid.CreateVersion7(), 1)];

        var reservation = Reservation.Reserved(Order, Customer, lines, CreatedAt);

        AssertNew(reservation, ReservationStatus.Reserved);
        Assert.Equal(lines, reservation.Lines);
    }

    [Fact]
    public void A_rejected_reservation_holds_nothing() =>
        AssertNew(Reservation.Rejected(Order, Customer, CreatedAt), ReservationStatus.Rejected);

    [Fact]
    public void A_cancel_before_reserving_is_recorded_as_released_with_nothing_held() =>
        AssertNew(Reservation.ReleasedBeforeReserving(Order, Customer, CreatedAt), ReservationStatus.Released);

    [Fact]
    public void A_reserved_order_can_be_sold_and_then_returned()
    {
        var reservation = Reserved();

        reservation.MarkSold(Later);
        Assert.Equal(ReservationStatus.Sold, reservation.Status);
        Assert.Equal(Later, reservation.UpdatedAt);

        reservation.MarkReturned(Later.AddMinutes(1));
        Assert.Equal(ReservationStatus.Returned, reservation.Status);
        Assert.Equal(Later.AddMinutes(1), reservation.UpdatedAt);
        Assert.Equal(CreatedAt, reservation.CreatedAt);
    }

    [Fact]
    public void A_reserved_order_can_be_released()
    {
        var reservation = Reserved();

        reservation.MarkReleased(Later);

        Assert.Equal(ReservationStatus.Released, reservation.Status);
        Assert.Equal(Later, reservation.UpdatedAt);
    }

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void Any_other_move_is_refused_and_changes_nothing(ReservationStatus from, string move)
    {
        var reservation = In(from);
        var updatedAt = reservation.UpdatedAt;

        Assert.Throws<InvalidOperationException>(() => Apply(reservation, move));

        Assert.Equal(from, reservation.Status);
        Assert.Equal(updatedAt, reservation.UpdatedAt);
    }

    [Fact]
    public void A_refused_move_names_the_order_and_both_statuses()
    {
        var reservation = Reservation.Rejected(Order, Customer, CreatedAt);

        var exception = Assert.Throws<InvalidOperationException>(() => reservation.MarkSold(Later));

        Assert.Equal($"Reservation of order {Order} is Rejected; only a Reserved one can become Sold.", exception.Message);
    }

    private static void AssertNew(Reservation reservation, ReservationStatus status)
    {
        Assert.Equal(Order, reservation.OrderId);
        Assert.Equal(Customer, reservation.UserId);
        Assert.Equal(status, reservation.Status);
        Assert.Equal(CreatedAt, reservation.CreatedAt);
        Assert.Equal(CreatedAt, reservation.UpdatedAt);
        if (status != ReservationStatus.Reserved)
        {
            Assert.Empty(reservation.Lines);
        }
    }

    private static Reservation Reserved() => Reservation.Reserved(Order, Customer, [new(Guid.CreateVersion7(), 1)], CreatedAt);

    /// <summary>A reservation brought to <paramref name="status"/> the legal way, all at creation time.</summary>
    private static Reservation In(ReservationStatus status)
    {
        switch (status)
        {
            case ReservationStatus.Rejected:
                return Reservation.Rejected(Order, Customer, CreatedAt);
            case ReservationStatus.Released:
                return Reservation.ReleasedBeforeReserving(Order, Customer, CreatedAt);
            default:
                var reservation = Reserved();
                if (status is ReservationStatus.Sold or ReservationStatus.Returned)
                {
                    reservation.MarkSold(CreatedAt);
                }

                if (status == ReservationStatus.Returned)
                {
                    reservation.MarkReturned(CreatedAt);
                }

                return reservation;
        }
    }

    private static void Apply(Reservation reservation, string move)
    {
        switch (move)
        {
            case nameof(Reservation.MarkSold):
                reservation.MarkSold(Later);
                break;
            case nameof(Reservation.MarkReleased):
                reservation.MarkReleased(Later);
                break;
            case nameof(Reservation.MarkReturned):
                reservation.MarkReturned(Later);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(move), move, "Not a reservation move.");
        }
    }
}
