using Shop.Orders.Domain;

namespace Shop.UnitTests.Orders;

/// <summary>
/// The saga's steps on an order: each applies only while it still makes sense, so late and duplicated events (a
/// capture after the customer cancelled, a second StockReserved) change nothing.
/// </summary>
public sealed class OrderSagaStepTests
{
    private static readonly DateTimeOffset PlacedAt = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = PlacedAt.AddSeconds(1);

    [Fact]
    public void Stock_reserved_moves_a_pending_order_once()
    {
        var order = Place();

        Assert.True(order.ApplyStockReserved(Later));
        Assert.Equal(OrderStatus.StockReserved, order.Status);
        Assert.False(order.ApplyStockReserved(Later));
        Assert.Equal(OrderStatus.StockReserved, order.Status);
    }

    [Fact]
    public void Payment_captured_confirms_a_reserved_order_once()
    {
        var order = Place();
        order.ApplyStockReserved(PlacedAt);

        Assert.True(order.ApplyPaymentCaptured(Later));
        Assert.Equal(OrderStatus.Confirmed, order.Status);
        Assert.Equal(Later, order.UpdatedAt);
        Assert.False(order.ApplyPaymentCaptured(Later));
    }

    [Fact]
    public void Payment_captured_before_stock_reserved_was_handled_still_confirms()
    {
        var order = Place();

        Assert.True(order.ApplyPaymentCaptured(Later));
        Assert.Equal(OrderStatus.Confirmed, order.Status);
        Assert.False(order.ApplyStockReserved(Later));
        Assert.Equal(OrderStatus.Confirmed, order.Status);
    }

    [Theory]
    [InlineData(CancellationReason.OutOfStock)]
    [InlineData(CancellationReason.PaymentDeclined)]
    public void A_failure_cancels_an_order_in_progress_with_its_reason(CancellationReason reason)
    {
        var pending = Place();
        var reserved = Place();
        reserved.ApplyStockReserved(PlacedAt);

        Assert.True(pending.ApplyFailure(reason, Later));
        Assert.True(reserved.ApplyFailure(reason, Later));

        Assert.All([pending, reserved], order =>
        {
            Assert.Equal(OrderStatus.Cancelled, order.Status);
            Assert.Equal(reason, order.CancellationReason);
        });
    }

    [Fact]
    public void Events_arriving_after_the_customer_cancelled_change_nothing()
    {
        var order = Place();
        order.Cancel(CancellationReason.CancelledByCustomer, PlacedAt);

        Assert.False(order.ApplyStockReserved(Later));
        Assert.False(order.ApplyPaymentCaptured(Later));
        Assert.False(order.ApplyFailure(CancellationReason.PaymentDeclined, Later));

        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal(CancellationReason.CancelledByCustomer, order.CancellationReason);
        Assert.Equal(PlacedAt, order.UpdatedAt);
    }

    [Fact]
    public void A_failure_after_confirmation_changes_nothing()
    {
        var order = Place();
        order.ApplyPaymentCaptured(PlacedAt);

        Assert.False(order.ApplyFailure(CancellationReason.PaymentDeclined, Later));
        Assert.Equal(OrderStatus.Confirmed, order.Status);
        Assert.Null(order.CancellationReason);
    }

    private static Order Place() => Order.Place(
        Guid.CreateVersion7(PlacedAt),
        [new OrderLine(0, Guid.CreateVersion7(PlacedAt), "Mug", 12.50m, 1)],
        "EUR",
        "tok_visa",
        idempotencyKey: null,
        requestHash: new string('a', OrderRequestFingerprint.Length),
        now: PlacedAt);
}
