using Shop.Tests.Api;
using Shop.Tests.Integration;

namespace Shop.Tests.Saga;

/// <summary>The saga's two main outcomes, proven in each infrastructure mode (one subclass per mode's collection).</summary>
public abstract class SagaOutcomeTests(ShopAppFixture shop)
{
    private ShopApi Api => shop.Api;

    [Fact]
    public async Task A_paid_order_is_confirmed_sells_its_stock_captures_once_and_notifies_in_the_posts_trace()
    {
        var scenario = await shop.Scenario;
        var customer = await Api.NewCustomerAsync("happy customer");
        var product = await Api.CreateProductAsync(scenario.Admin, available: 10);

        var placed = await Api.PlaceOrderAsync(customer, product, quantity: 3);
        var order = await Api.FinalOrderAsync(customer, placed.OrderId);

        Assert.Equal("Confirmed", order.GetProperty("status").GetString());
        Assert.Equal(7, await Api.AvailableAsync(product));
        Assert.Equal(["Captured"], await Api.PaymentStatusesAsync(customer, placed.OrderId));

        Assert.Matches("^[0-9a-f]{32}$", placed.TraceId);
        var notification = await Api.SingleNotificationAboutAsync(customer, placed.OrderId, "the OrderConfirmed notification");
        Assert.Equal("OrderConfirmed", notification.GetProperty("type").GetString());
        Assert.Equal(placed.TraceId, notification.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task A_declined_card_cancels_the_order_and_puts_the_reserved_stock_back()
    {
        var scenario = await shop.Scenario;
        var customer = await Api.NewCustomerAsync("declined customer");
        var product = await Api.CreateProductAsync(scenario.Admin, available: 5);

        var placed = await Api.PlaceOrderAsync(customer, product, quantity: 2, paymentToken: "tok_chargeDeclined");
        var order = await Api.FinalOrderAsync(customer, placed.OrderId);

        Assert.Equal("Cancelled", order.GetProperty("status").GetString());
        Assert.Equal("PaymentDeclined", order.GetProperty("cancellationReason").GetString());
        Assert.Equal(["Declined"], await Api.PaymentStatusesAsync(customer, placed.OrderId));
        await OrderJourney.UntilAsync(() => Api.AvailableAsync(product), available => available == 5, "the reservation's release");
        var notification = await Api.SingleNotificationAboutAsync(customer, placed.OrderId, "the OrderCancelled notification");
        Assert.Equal("OrderCancelled", notification.GetProperty("type").GetString());
    }
}

[Collection(ShopAppCollection.Name)]
public sealed class LocalSagaOutcomeTests(ShopAppFixture shop) : SagaOutcomeTests(shop);
