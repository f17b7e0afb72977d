using Shop.Tests.Api;
using Shop.Tests.Integration;

namespace Shop.Tests.Saga;

/// <summary>
/// The outbox at work: orders are accepted while the broker is down, and nothing is lost or doubled after. Proven in
/// each infrastructure mode (one subclass per mode's collection).
/// </summary>
public abstract class BrokerOutageTests(ShopAppFixture shop)
{
    private ShopApi Api => shop.Api;

    [Fact]
    public async Task Orders_accepted_while_the_broker_is_down_all_complete_once_it_is_back()
    {
        var scenario = await shop.Scenario;
        var customer = await Api.NewCustomerAsync("patient customer");
        var product = await Api.CreateProductAsync(scenario.Admin, available: 50);
        var orders = new List<Guid>();
        try
        {
            // In flight when the broker goes: placed, not yet through the saga.
            orders.Add((await Api.PlaceOrderAsync(customer, product)).OrderId);
            orders.Add((await Api.PlaceOrderAsync(customer, product)).OrderId);
            await shop.StopResourceAsync(ShopResources.Messaging);

            for (var i = 0; i < 4; i++)
            {
                orders.Add((await Api.PlaceOrderAsync(customer, product)).OrderId);
            }
        }
        finally
        {
            await shop.StartResourceAsync(ShopResources.Messaging);
        }

        foreach (var orderId in orders)
        {
            Assert.Equal("Confirmed", (await Api.FinalOrderAsync(customer, orderId)).GetProperty("status").GetString());
            Assert.Equal(["Captured"], await Api.PaymentStatusesAsync(customer, orderId));
            await Api.SingleNotificationAboutAsync(customer, orderId, $"order {orderId}'s notification");
        }

        Assert.Equal(50 - orders.Count, await Api.AvailableAsync(product));
    }
}

[Collection(ShopAppCollection.Name)]
public sealed class LocalBrokerOutageTests(ShopAppFixture shop) : BrokerOutageTests(shop);
