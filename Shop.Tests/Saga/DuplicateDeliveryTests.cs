using Shop.Tests.Api;
using Shop.Tests.Integration;

namespace Shop.Tests.Saga;

/// <summary>At-least-once delivery made exactly-once in effect: the inbox of each service skips copies of an event.</summary>
[Collection(ShopAppCollection.Name)]
public sealed class DuplicateDeliveryTests(ShopAppFixture shop)
{
    private ShopApi Api => shop.Api;

    [Fact]
    public async Task Copies_of_every_event_of_an_order_change_nothing()
    {
        var scenario = await shop.Scenario;
        await using var broker = await TestBroker.ConnectAsync(shop);
        var customer = await Api.NewCustomerAsync("duplicated customer");
        var product = await Api.CreateProductAsync(scenario.Admin, available: 10);

        var placed = await Api.PlaceOrderAsync(customer, product, quantity: 2);
        Assert.Equal("Confirmed", (await Api.FinalOrderAsync(customer, placed.OrderId)).GetProperty("status").GetString());
        var events = await OrderJourney.UntilAsync(
            () => Task.FromResult(broker.EventsOf(placed.OrderId)), found => found.Length == 4, "the order's four events");
        Assert.Equal(
            ["order-confirmed.v1", "order-placed.v1", "payment-captured.v1", "stock-reserved.v1"],
            events.Select(tapped => tapped.Envelope.Type).Order());

        foreach (var copy in events.Concat(events))
        {
            await broker.RepublishAsync(copy);
        }

        // Queues are FIFO: once a later order has gone all the way through every service, the copies ahead of it
        // in each queue have been delivered and handled (or skipped).
        var later = await Api.PlaceOrderAsync(customer, product, quantity: 1);
        Assert.Equal("Confirmed", (await Api.FinalOrderAsync(customer, later.OrderId)).GetProperty("status").GetString());
        await OrderJourney.UntilAsync(
            () => Api.NotificationsAboutAsync(customer, later.OrderId), found => found.Length == 1, "the later order's notification");
        Assert.Equal(12, broker.EventsOf(placed.OrderId).Length);

        Assert.Equal(10 - 2 - 1, await Api.AvailableAsync(product));
        Assert.Equal(["Captured"], await Api.PaymentStatusesAsync(customer, placed.OrderId));
        Assert.Single(await Api.NotificationsAboutAsync(customer, placed.OrderId));
        Assert.Equal("Confirmed", (await Api.FinalOrderAsync(customer, placed.OrderId)).GetProperty("status").GetString());
    }
}
