using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shop.Tests.Integration;

namespace Shop.Tests.Api;

[Collection(ShopAppCollection.Name)]
public sealed class OrdersApiTests(ShopAppFixture shop)
{
    [Fact]
    public async Task A_placed_order_is_pending_with_names_and_prices_from_inventory()
    {
        var scenario = await shop.Scenario;
        using var client = shop.Api.As(scenario.CustomerA);
        using var anonymous = shop.Api.Anonymous();
        var product = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/products/{scenario.ProductId}", ShopApi.Json, TestContext.Timeout);

        using var response = await client.PostAsJsonAsync("/api/v1/orders", ShopApi.OrderBody(scenario.ProductId, quantity: 3), TestContext.Timeout);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var order = await response.ReadJsonAsync<JsonElement>();
        var line = Assert.Single(order.GetProperty("items").EnumerateArray());
        Assert.Equal("Pending", order.GetProperty("status").GetString());
        Assert.Equal(product.GetProperty("name").GetString(), line.GetProperty("name").GetString());
        Assert.Equal(product.GetProperty("price").GetDecimal(), line.GetProperty("unitPrice").GetDecimal());
        Assert.Equal(3 * product.GetProperty("price").GetDecimal(), order.GetProperty("total").GetDecimal());
        Assert.Equal(product.GetProperty("currency").GetString(), order.GetProperty("currency").GetString());
        Assert.Equal($"/api/v1/orders/{order.GetProperty("id").GetGuid()}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_customer_sees_their_own_orders_newest_first_and_nobody_elses()
    {
        var api = shop.Api;
        var customer = await api.NewCustomerAsync("lister");
        var productId = await api.AnyProductIdAsync();
        var first = (await api.PlaceOrderAsync(customer, productId)).OrderId;
        var second = (await api.PlaceOrderAsync(customer, productId)).OrderId;
        using var client = api.As(customer);

        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/orders?page=1&pageSize=10", ShopApi.Json, TestContext.Timeout);

        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Equal([second, first], page.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()));
        Assert.All(page.GetProperty("items").EnumerateArray(), o => Assert.Equal(customer.Id, o.GetProperty("userId").GetGuid()));
    }

    [Fact]
    public async Task A_cancelled_order_says_why_and_cannot_be_cancelled_again()
    {
        var scenario = await shop.Scenario;
        var orderId = (await shop.Api.PlaceOrderAsync(scenario.CustomerA, scenario.ProductId)).OrderId;
        using var client = shop.Api.As(scenario.CustomerA);

        using var cancelled = await client.PostAsync($"/api/v1/orders/{orderId}/cancel", null, TestContext.Timeout);
        using var again = await client.PostAsync($"/api/v1/orders/{orderId}/cancel", null, TestContext.Timeout);
        var order = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{orderId}", ShopApi.Json, TestContext.Timeout);

        Assert.Equal(HttpStatusCode.Accepted, cancelled.StatusCode);
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Cancelled", order.GetProperty("status").GetString());
        Assert.Equal("CancelledByCustomer", order.GetProperty("cancellationReason").GetString());
    }

    [Fact]
    public async Task An_unknown_order_is_404()
    {
        var scenario = await shop.Scenario;
        using var client = shop.Api.As(scenario.CustomerA);

        using var response = await client.GetAsync($"/api/v1/orders/{Guid.NewGuid()}", TestContext.Timeout);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
