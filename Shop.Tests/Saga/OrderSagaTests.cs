using System.Net;
using Shop.Tests.Api;
using Shop.Tests.Integration;

namespace Shop.Tests.Saga;

/// <summary>
/// The order saga end to end, over the real broker and databases, seen through the gateway. The two main outcomes,
/// which both infrastructure modes must reach, are in <see cref="SagaOutcomeTests"/>.
/// </summary>
[Collection(ShopAppCollection.Name)]
public sealed class OrderSagaTests(ShopAppFixture shop)
{
    private ShopApi Api => shop.Api;

    [Fact]
    public async Task An_order_for_more_than_the_stock_is_cancelled_out_of_stock_without_a_payment()
    {
        var scenario = await shop.Scenario;
        var customer = await Api.NewCustomerAsync("greedy customer");
        var product = await Api.CreateProductAsync(scenario.Admin, available: 2);

        var placed = await Api.PlaceOrderAsync(customer, product, quantity: 3);
        var order = await Api.FinalOrderAsync(customer, placed.OrderId);

        Assert.Equal("Cancelled", order.GetProperty("status").GetString());
        Assert.Equal("OutOfStock", order.GetProperty("cancellationReason").GetString());
        Assert.Equal(2, await Api.AvailableAsync(product));
        Assert.Empty(await Api.PaymentStatusesAsync(customer, placed.OrderId));
        await AssertCancellationNotifiedAsync(customer, placed.OrderId);
    }

    [Fact]
    public async Task Cancelling_a_confirmed_order_refunds_the_capture_and_restocks()
    {
        var scenario = await shop.Scenario;
        var customer = await Api.NewCustomerAsync("returning customer");
        var product = await Api.CreateProductAsync(scenario.Admin, available: 4);
        var placed = await Api.PlaceOrderAsync(customer, product, quantity: 4);
        Assert.Equal("Confirmed", (await Api.FinalOrderAsync(customer, placed.OrderId)).GetProperty("status").GetString());

        using var cancelled = await Api.CancelAsync(customer, placed.OrderId);

        Assert.Equal(HttpStatusCode.Accepted, cancelled.StatusCode);
        await OrderJourney.UntilAsync(
            () => Api.PaymentStatusesAsync(customer, placed.OrderId), statuses => statuses.Length == 2, "the refund");
        Assert.Equal(["Captured", "Refunded"], await Api.PaymentStatusesAsync(customer, placed.OrderId));
        await OrderJourney.UntilAsync(() => Api.AvailableAsync(product), available => available == 4, "the restock");
        var notifications = await OrderJourney.UntilAsync(
            () => Api.NotificationsAboutAsync(customer, placed.OrderId), found => found.Length == 2, "both order notifications");
        Assert.Equal(
            ["OrderCancelled", "OrderConfirmed"],
            notifications.Select(notification => notification.GetProperty("type").GetString()).Order());
    }

    [Fact]
    public async Task Orders_cancelled_while_the_saga_runs_end_with_no_reservation_held_and_no_capture_kept()
    {
        var scenario = await shop.Scenario;
        var customer = await Api.NewCustomerAsync("hasty customer");
        var product = await Api.CreateProductAsync(scenario.Admin, available: 20);

        // Cancelled at once, the saga's events for these orders are still in flight: each interleaving must compensate.
        var orders = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var placed = await Api.PlaceOrderAsync(customer, product, quantity: 2);
            using var cancelled = await Api.CancelAsync(customer, placed.OrderId);
            Assert.Equal(HttpStatusCode.Accepted, cancelled.StatusCode);
            orders.Add(placed.OrderId);
        }

        await OrderJourney.UntilAsync(() => Api.AvailableAsync(product), available => available == 20, "every reservation's release");
        foreach (var orderId in orders)
        {
            var order = await Api.FinalOrderAsync(customer, orderId);
            Assert.Equal("CancelledByCustomer", order.GetProperty("cancellationReason").GetString());
            var payments = await OrderJourney.UntilAsync(
                () => Api.PaymentStatusesAsync(customer, orderId),
                statuses => !statuses.Contains("Captured") || statuses.Contains("Refunded"),
                $"order {orderId}'s capture to be refunded");
            Assert.True(payments is [] or ["Captured", "Refunded"], $"Order {orderId} has payments [{string.Join(", ", payments)}].");
        }
    }

    [Fact]
    public async Task Customers_racing_for_the_last_units_never_oversell()
    {
        const int units = 3;
        const int customers = 8;
        var scenario = await shop.Scenario;
        var product = await Api.CreateProductAsync(scenario.Admin, available: units);
        var racers = await Task.WhenAll(Enumerable.Range(0, customers).Select(i => Api.NewCustomerAsync($"racer {i}")));

        var placed = await Task.WhenAll(racers.Select(racer => Api.PlaceOrderAsync(racer, product)));
        var outcomes = await Task.WhenAll(placed.Select((order, i) => Api.FinalOrderAsync(racers[i], order.OrderId)));

        Assert.Equal(units, outcomes.Count(order => order.GetProperty("status").GetString() == "Confirmed"));
        Assert.All(
            outcomes.Where(order => order.GetProperty("status").GetString() != "Confirmed"),
            order => Assert.Equal("OutOfStock", order.GetProperty("cancellationReason").GetString()));
        Assert.Equal(0, await Api.AvailableAsync(product));
    }

    private async Task AssertCancellationNotifiedAsync(Actor customer, Guid orderId)
    {
        var notification = await Api.SingleNotificationAboutAsync(customer, orderId, "the OrderCancelled notification");
        Assert.Equal("OrderCancelled", notification.GetProperty("type").GetString());
    }
}
