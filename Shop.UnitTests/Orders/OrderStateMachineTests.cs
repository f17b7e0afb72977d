using Shop.Orders.Domain;

namespace Shop.UnitTests.Orders;

public sealed class OrderStateMachineTests
{
    private static readonly DateTimeOffset PlacedAt = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = PlacedAt.AddMinutes(5);

    /// <summary>Every (current status, requested status) pair the state machine allows.</summary>
    public static TheoryData<OrderStatus, OrderStatus> LegalTransitions => new()
    {
        { OrderStatus.Pending, OrderStatus.StockReserved },
        { OrderStatus.Pending, OrderStatus.Cancelled },
        { OrderStatus.StockReserved, OrderStatus.Confirmed },
        { OrderStatus.StockReserved, OrderStatus.Cancelled },
        { OrderStatus.Confirmed, OrderStatus.Cancelled },
    };

    /// <summary>Every other pair of a current status and a status a transition method leads to.</summary>
    public static TheoryData<OrderStatus, OrderStatus> IllegalTransitions => new()
    {
        { OrderStatus.Pending, OrderStatus.Confirmed },
        { OrderStatus.StockReserved, OrderStatus.StockReserved },
        { OrderStatus.Confirmed, OrderStatus.StockReserved },
        { OrderStatus.Confirmed, OrderStatus.Confirmed },
        { OrderStatus.Cancelled, OrderStatus.StockReserved },
        { OrderStatus.Cancelled, OrderStatus.Confirmed },
        { OrderStatus.Cancelled, OrderStatus.Cancelled },
    };

    public static TheoryData<OrderStatus, CancellationReason> CancellableStatusesAndReasons
    {
        get
        {
            var data = new TheoryData<OrderStatus, CancellationReason>();
            foreach (var status in new[] { OrderStatus.Pending, OrderStatus.StockReserved })
            {
                foreach (var reason in Enum.GetValues<CancellationReason>())
                {
                    data.Add(status, reason);
                }
            }

            return data;
        }
    }

    [Fact]
    public void A_placed_order_is_pending_with_its_total_and_no_cancellation_reason()
    {
        var order = PlaceOrder();

        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Null(order.CancellationReason);
        Assert.Equal(2 * 12.50m + 3 * 4.00m, order.Total);
        Assert.Equal(PlacedAt, order.CreatedAt);
        Assert.Equal(PlacedAt, order.UpdatedAt);
    }

    [Fact]
    public void Legal_and_illegal_transitions_cover_every_status_and_every_transition_method()
    {
        var covered = LegalTransitions.Concat(IllegalTransitions)
            .Select(row => ((OrderStatus)row[0], (OrderStatus)row[1]))
            .ToHashSet();

        var targets = new[] { OrderStatus.StockReserved, OrderStatus.Confirmed, OrderStatus.Cancelled };
        var expected = Enum.GetValues<OrderStatus>().SelectMany(from => targets.Select(to => (from, to))).ToHashSet();

        Assert.Equal(LegalTransitions.Count + IllegalTransitions.Count, covered.Count);
        Assert.True(expected.SetEquals(covered));
    }

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public void A_legal_transition_moves_the_order_and_stamps_the_update_time(OrderStatus from, OrderStatus to)
    {
        var order = OrderIn(from);

        MoveTo(order, to, Later);

        Assert.Equal(to, order.Status);
        Assert.Equal(Later, order.UpdatedAt);
        Assert.Equal(PlacedAt, order.CreatedAt);
    }

    [Theory]
    [MemberData(nameof(IllegalTransitions))]
    public void An_illegal_transition_throws_and_leaves_the_order_unchanged(OrderStatus from, OrderStatus to)
    {
        var order = OrderIn(from);
        var reasonBefore = order.CancellationReason;

        var exception = Assert.Throws<InvalidOrderTransitionException>(() => MoveTo(order, to, Later));

        Assert.Equal(from, exception.From);
        Assert.Equal(to, exception.To);
        Assert.Equal(from, order.Status);
        Assert.Equal(PlacedAt, order.UpdatedAt);
        Assert.Equal(reasonBefore, order.CancellationReason);
    }

    [Theory]
    [MemberData(nameof(CancellableStatusesAndReasons))]
    public void Cancelling_records_the_reason(OrderStatus from, CancellationReason reason)
    {
        var order = OrderIn(from);

        order.Cancel(reason, Later);

        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal(reason, order.CancellationReason);
    }

    [Fact]
    public void Cancelling_a_cancelled_order_again_keeps_the_first_reason_and_says_it_is_already_cancelled()
    {
        var order = OrderIn(OrderStatus.Cancelled);

        var exception = Assert.Throws<InvalidOrderTransitionException>(
            () => order.Cancel(CancellationReason.CancelledByCustomer, Later));

        Assert.Equal(CancellationReason.OutOfStock, order.CancellationReason);
        Assert.Contains("already Cancelled", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CancellationReason.OutOfStock)]
    [InlineData(CancellationReason.PaymentDeclined)]
    public void Only_the_customer_can_cancel_a_confirmed_order(CancellationReason sagaReason)
    {
        var order = OrderIn(OrderStatus.Confirmed);

        Assert.Throws<InvalidOrderTransitionException>(() => order.Cancel(sagaReason, Later));
        Assert.Equal(OrderStatus.Confirmed, order.Status);
        Assert.Null(order.CancellationReason);

        order.Cancel(CancellationReason.CancelledByCustomer, Later);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal(CancellationReason.CancelledByCustomer, order.CancellationReason);
    }

    private static Order PlaceOrder() => Order.Place(
        userId: Guid.CreateVersion7(PlacedAt),
        lines:
        [
            new OrderLine(0, Guid.CreateVersion7(PlacedAt), "Mug", 12.50m, 2),
            new OrderLine(1, Guid.CreateVersion7(PlacedAt), "Sticker", 4.00m, 3),
        ],
        currency: "EUR",
        paymentToken: "tok_visa_4242",
        idempotencyKey: null,
        requestHash: new string('a', OrderRequestFingerprint.Length),
        now: PlacedAt);

    /// <summary>An order brought to <paramref name="status"/> through legal transitions, all at placement time.</summary>
    private static Order OrderIn(OrderStatus status)
    {
        var order = PlaceOrder();
        switch (status)
        {
            case OrderStatus.Pending:
                break;
            case OrderStatus.StockReserved:
                order.MarkStockReserved(PlacedAt);
                break;
            case OrderStatus.Confirmed:
                order.MarkStockReserved(PlacedAt);
                order.Confirm(PlacedAt);
                break;
            case OrderStatus.Cancelled:
                order.Cancel(CancellationReason.OutOfStock, PlacedAt);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown order status.");
        }

        return order;
    }

    /// <summary>Calls the transition method that leads to <paramref name="to"/>.</summary>
    private static void MoveTo(Order order, OrderStatus to, DateTimeOffset now)
    {
        switch (to)
        {
            case OrderStatus.StockReserved:
                order.MarkStockReserved(now);
                break;
            case OrderStatus.Confirmed:
                order.Confirm(now);
                break;
            case OrderStatus.Cancelled:
                order.Cancel(CancellationReason.CancelledByCustomer, now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(to), to, "No transition method leads to this status.");
        }
    }
}
