using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shop.Tests.Integration;

namespace Shop.Tests.Api;

[Collection(ShopAppCollection.Name)]
public sealed class IdempotencyTests(ShopAppFixture shop)
{
    [Fact]
    public async Task Replaying_a_key_with_the_same_body_returns_the_same_order()
    {
        var (customer, productId) = await NewCustomerAndProductAsync();
        var key = Guid.NewGuid().ToString();

        var first = await PlaceAsync(customer, key, ShopApi.OrderBody(productId, 2));
        var replay = await PlaceAsync(customer, key, ShopApi.OrderBody(productId, 2));

        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(HttpStatusCode.Accepted, replay.Status);
        Assert.Equal(first.Body.GetProperty("id").GetGuid(), replay.Body.GetProperty("id").GetGuid());
        Assert.Equal(1, await OrderCountAsync(customer));
    }

    [Fact]
    public async Task Reusing_a_key_with_a_different_body_is_422()
    {
        var (customer, productId) = await NewCustomerAndProductAsync();
        var key = Guid.NewGuid().ToString();

        var first = await PlaceAsync(customer, key, ShopApi.OrderBody(productId, 1));
        using var client = shop.Api.As(customer);
        using var conflicting = await SendAsync(client, key, ShopApi.OrderBody(productId, 5));

        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        await conflicting.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(1, await OrderCountAsync(customer));
    }

    [Fact]
    public async Task Concurrent_duplicates_with_one_key_create_one_order()
    {
        var (customer, productId) = await NewCustomerAndProductAsync();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PlaceAsync(customer, key, ShopApi.OrderBody(productId, 1))));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Accepted, response.Status));
        Assert.Single(responses.Select(response => response.Body.GetProperty("id").GetGuid()).Distinct());
        Assert.Equal(1, await OrderCountAsync(customer));
    }

    [Fact]
    public async Task The_same_key_from_two_customers_creates_two_orders()
    {
        var (first, productId) = await NewCustomerAndProductAsync();
        var second = await shop.Api.NewCustomerAsync("second");
        var key = Guid.NewGuid().ToString();

        var a = await PlaceAsync(first, key, ShopApi.OrderBody(productId));
        var b = await PlaceAsync(second, key, ShopApi.OrderBody(productId));

        Assert.NotEqual(a.Body.GetProperty("id").GetGuid(), b.Body.GetProperty("id").GetGuid());
    }

    private async Task<(Actor Customer, Guid ProductId)> NewCustomerAndProductAsync() =>
        (await shop.Api.NewCustomerAsync("idempotent"), await shop.Api.AnyProductIdAsync());

    private async Task<(HttpStatusCode Status, JsonElement Body)> PlaceAsync(Actor customer, string key, object body)
    {
        using var client = shop.Api.As(customer);
        using var response = await SendAsync(client, key, body);
        return (response.StatusCode, await response.ReadJsonAsync<JsonElement>());
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = JsonContent.Create(body, options: ShopApi.Json) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request, TestContext.Timeout);
    }

    private async Task<int> OrderCountAsync(Actor customer)
    {
        using var client = shop.Api.As(customer);
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/orders", ShopApi.Json, TestContext.Timeout);
        return page.GetProperty("total").GetInt32();
    }
}
