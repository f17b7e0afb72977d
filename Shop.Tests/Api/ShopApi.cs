using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Shop.Tests.Integration;

namespace Shop.Tests.Api;

/// <summary>What a client does through the gateway: register, sign in, call the API as someone.</summary>
/// <param name="gatewayClient">A new client whose base address is the gateway's public endpoint.</param>
public sealed class ShopApi(Func<HttpClient> gatewayClient)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ShopApi(ShopApp shop)
        : this(shop.CreateGatewayClient)
    {
    }

    public HttpClient Anonymous() => gatewayClient();

    public HttpClient As(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);

        var client = gatewayClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", actor.AccessToken);
        return client;
    }

    /// <summary>A client for <paramref name="actor"/>, or an anonymous one for <c>null</c>.</summary>
    public HttpClient For(Actor? actor) => actor is null ? Anonymous() : As(actor);

    /// <summary>Registers a new customer with a unique email and signs them in.</summary>
    public async Task<Actor> NewCustomerAsync(string name)
    {
        var email = $"{name.Replace(' ', '-')}-{Guid.NewGuid():N}@example.com";
        const string password = "correct horse battery";

        using var client = Anonymous();
        using var registered = await client.PostAsJsonAsync("/api/v1/users", new { email, password, displayName = name }, TestContext.Timeout);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var user = await registered.Content.ReadFromJsonAsync<JsonElement>(Json, TestContext.Timeout);

        return new Actor(name, user.GetProperty("id").GetGuid(), email, await SignInAsync(email, password));
    }

    public async Task<Actor> AdminAsync() =>
        new("admin", Guid.Empty, ShopApp.AdminEmail, await SignInAsync(ShopApp.AdminEmail, ShopApp.AdminPassword));

    public async Task<string> SignInAsync(string email, string password)
    {
        using var client = Anonymous();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password }, TestContext.Timeout);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.Content.ReadFromJsonAsync<JsonElement>(Json, TestContext.Timeout);
        return token.GetProperty("accessToken").GetString()!;
    }

    /// <summary>A product of the demo catalog (skus SHOP-…), not one another test created.</summary>
    public async Task<Guid> AnyProductIdAsync()
    {
        using var client = Anonymous();
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/products?page=1&pageSize=100", Json, TestContext.Timeout);
        return page.GetProperty("items").EnumerateArray()
            .First(product => product.GetProperty("sku").GetString()!.StartsWith("SHOP-", StringComparison.Ordinal))
            .GetProperty("id").GetGuid();
    }

    /// <summary>Places an order (202) and returns its id and the trace id the gateway reported for the POST.</summary>
    public async Task<PlacedOrder> PlaceOrderAsync(Actor customer, Guid productId, int quantity = 1, string paymentToken = "tok_visa")
    {
        using var client = As(customer);
        using var response = await client.PostAsJsonAsync(
            "/api/v1/orders", OrderBody(productId, quantity, paymentToken), TestContext.Timeout);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var order = await response.Content.ReadFromJsonAsync<JsonElement>(Json, TestContext.Timeout);
        return new PlacedOrder(order.GetProperty("id").GetGuid(), Assert.Single(response.Headers.GetValues("X-Trace-Id")));
    }

    /// <summary>An admin-created product with exactly <paramref name="available"/> units, so stock counts are exact.</summary>
    public async Task<Guid> CreateProductAsync(Actor admin, int available = 500)
    {
        using var client = As(admin);
        using var response = await client.PostAsJsonAsync("/api/v1/products", NewProductBody(available), TestContext.Timeout);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json, TestContext.Timeout)).GetProperty("id").GetGuid();
    }

    public static object NewProductBody(int available = 500) =>
        new { sku = $"TEST-{Guid.NewGuid():N}"[..24], name = "Test product", price = 12.50m, currency = "EUR", available };

    public static object NewUserBody() =>
        new { email = $"new-{Guid.NewGuid():N}@example.com", password = "correct horse battery", displayName = "New user" };

    public static object OrderBody(Guid productId, int quantity = 1, string paymentToken = "tok_visa") =>
        new { items = new[] { new { productId, quantity } }, paymentToken };
}

/// <summary>An accepted order, and the trace id of the request that placed it.</summary>
public sealed record PlacedOrder(Guid OrderId, string TraceId);

/// <summary>A signed-in user of the tests. The admin's id is not needed, so it is empty.</summary>
public sealed record Actor(string Name, Guid Id, string Email, string AccessToken)
{
    public override string ToString() => Name;
}
