using Shop.Tests.Api;
using Shop.Tests.Integration;

namespace Shop.Tests.Saga;

/// <summary>
/// The shared app polls its outboxes only every ten minutes (<see cref="ShopApp"/>), so every event of these orders
/// must go out because its commit woke a relay: orders and inventory each run two replicas, and a replica's relay that
/// finds the other one relaying must still see its own rows through.
/// </summary>
[Collection(ShopAppCollection.Name)]
public sealed class RelayWakeUpTests(ShopAppFixture shop)
{
    private ShopApi Api => shop.Api;

    [Fact]
    public async Task Orders_placed_at_once_through_every_replica_all_finish_without_the_relays_poll()
    {
        const int customers = 12;
        const int ordersEach = 2;
        var scenario = await shop.Scenario;
        var product = await Api.CreateProductAsync(scenario.Admin, available: customers * ordersEach);
        var buyers = await Task.WhenAll(Enumerable.Range(0, customers).Select(i => Api.NewCustomerAsync($"buyer {i}")));

        var placed = await Task.WhenAll(buyers.SelectMany(buyer => Enumerable.Range(0, ordersEach).Select(async _ => (Buyer: buyer, Order: await Api.PlaceOrderAsync(buyer, product)))));
        var outcomes = await Task.WhenAll(placed.Select(order => Api.FinalOrderAsync(order.Buyer, order.Order.OrderId)));

        Assert.All(outcomes, order => Assert.Equal("Confirmed", order.GetProperty("status").GetString()));
        Assert.Equal(0, await Api.AvailableAsync(product));
    }
}
