using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Shop.Tests.Integration;

namespace Shop.Tests.Api;

[Collection(ShopAppCollection.Name)]
public sealed class InventoryOutageTests(ShopAppFixture shop)
{
    private static readonly TimeSpan PromptFailure = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Orders_answer_503_quickly_while_inventory_is_down_and_accept_orders_once_it_is_back()
    {
        var scenario = await shop.Scenario;
        using var client = shop.Api.As(scenario.CustomerA);
        try
        {
            await shop.StopServiceAsync("inventory");

            var clock = Stopwatch.StartNew();
            using var response = await client.PostAsJsonAsync("/api/v1/orders", ShopApi.OrderBody(scenario.ProductId), TestContext.Timeout);
            clock.Stop();

            await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.True(clock.Elapsed < PromptFailure, $"The 503 took {clock.Elapsed}, more than {PromptFailure}.");
        }
        finally
        {
            await shop.StartServiceAsync("inventory");
        }

        await Eventually.AssertStatusAsync(
            HttpStatusCode.Accepted,
            () => client.PostAsJsonAsync("/api/v1/orders", ShopApi.OrderBody(scenario.ProductId), TestContext.Timeout));
    }
}
