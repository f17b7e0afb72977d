using Shop.IntegrationEvents;
using Shop.Tests.Integration;

namespace Shop.Tests.Saga;

/// <summary>
/// Payments gets an order's events on two paths (OrderPlaced from orders, StockReserved from inventory), so they
/// arrive in either order. Whichever comes first is handled at once, as a normal case: no failed attempt, no retry, no
/// warning. The events go straight to payments' queue, one at a time, to force the order under test.
/// </summary>
[Collection(ShopAppCollection.Name)]
public sealed class OutOfOrderEventTests(ShopAppFixture shop)
{
    private const string Payments = "payments";

    [Fact]
    public async Task StockReserved_before_OrderPlaced_waits_for_the_order_and_then_charges_without_a_retry()
    {
        await using var broker = await TestBroker.ConnectAsync(shop);
        var (orderId, userId) = (Guid.NewGuid(), Guid.NewGuid());

        var reserved = await broker.PublishToQueueAsync(Payments, new StockReserved(orderId, userId));
        await HandledAsync(reserved);
        Assert.Equal(("AwaitingOrder", 0), await PaymentStateAsync(orderId));

        var placed = await broker.PublishToQueueAsync(Payments, Placed(orderId, userId));
        await HandledAsync(placed);
        Assert.Equal(("Captured", 1), await PaymentStateAsync(orderId));
        await OrderJourney.UntilAsync(
            () => Task.FromResult(broker.EventsOf(orderId)),
            events => events.Any(tapped => tapped.Envelope.Type == "payment-captured.v1"),
            "payments to publish PaymentCaptured");

        AssertNoRetryOf(reserved, placed);
    }

    [Fact]
    public async Task OrderCancelled_before_the_others_means_the_card_is_never_charged_and_nothing_is_retried()
    {
        await using var broker = await TestBroker.ConnectAsync(shop);
        var (orderId, userId) = (Guid.NewGuid(), Guid.NewGuid());

        var cancelled = await broker.PublishToQueueAsync(Payments, new OrderCancelled(orderId, userId, "CancelledByCustomer"));
        await HandledAsync(cancelled);
        var placed = await broker.PublishToQueueAsync(Payments, Placed(orderId, userId));
        await HandledAsync(placed);
        var reserved = await broker.PublishToQueueAsync(Payments, new StockReserved(orderId, userId));
        await HandledAsync(reserved);

        Assert.Equal(("Cancelled", 0), await PaymentStateAsync(orderId));
        AssertNoRetryOf(cancelled, placed, reserved);
    }

    private static OrderPlaced Placed(Guid orderId, Guid userId) =>
        new(orderId, userId, [new OrderPlacedLine(Guid.NewGuid(), 1, 25.00m)], 25.00m, "EUR", "tok_visa");

    /// <summary>Waits until payments' inbox holds the event: its handling committed.</summary>
    private async Task HandledAsync(Guid eventId) =>
        await OrderJourney.UntilAsync(
            () => ScalarAsync<long>("""SELECT count(*) FROM "InboxMessages" WHERE "EventId" = @id""", eventId),
            count => count == 1,
            $"payments to handle event {eventId}");

    /// <summary>The order's payment request status and how many payments (charges, refunds) it has.</summary>
    private async Task<(string? Status, long Payments)> PaymentStateAsync(Guid orderId) =>
        (await ScalarAsync<string?>("""SELECT "Status" FROM "PaymentRequests" WHERE "OrderId" = @id""", orderId),
         await ScalarAsync<long>("""SELECT count(*) FROM "Payments" WHERE "OrderId" = @id""", orderId));

    private void AssertNoRetryOf(params Guid[] eventIds)
    {
        var retried = shop.ResourceLog(Payments)
            .Where(line => eventIds.Any(id => line.Contains(id.ToString(), StringComparison.Ordinal)))
            .Where(line => line.Contains("failed (attempt", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(retried);
    }

    private Task<T> ScalarAsync<T>(string sql, Guid id) => ServiceDatabase.ScalarAsync<T>(shop, "paymentsdb", sql, id);
}
