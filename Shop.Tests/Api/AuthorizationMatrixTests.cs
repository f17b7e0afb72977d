using System.Net;
using System.Net.Http.Json;
using Shop.Tests.Integration;

namespace Shop.Tests.Api;

/// <summary>Every public route × {anonymous, customer A, customer B, admin}: the status each must get. One table.</summary>
[Collection(ShopAppCollection.Name)]
public sealed class AuthorizationMatrixTests(ShopAppFixture shop)
{
    private const string Anonymous = "anonymous";
    private const string CustomerA = "customer A";
    private const string CustomerB = "customer B";
    private const string Admin = "admin";

    private static readonly string[] Actors = [Anonymous, CustomerA, CustomerB, Admin];

    // Expected status per actor, in the order of Actors. A is the owner of "A's order"; B is another customer.
    private static readonly Route[] Routes =
    [
        new("register", HttpMethod.Post, (_, _) => Task.FromResult("/api/v1/users"), _ => ShopApi.NewUserBody(), [201, 201, 201, 201]),
        new("sign in", HttpMethod.Post, (_, _) => Task.FromResult("/api/v1/auth/token"), s => new { email = s.CustomerA.Email, password = "correct horse battery" }, [200, 200, 200, 200]),
        new("my profile", HttpMethod.Get, (_, _) => Task.FromResult("/api/v1/users/me"), null, [401, 200, 200, 200]),
        new("A's profile", HttpMethod.Get, (s, _) => Task.FromResult($"/api/v1/users/{s.CustomerA.Id}"), null, [401, 200, 404, 200]),
        new("list products", HttpMethod.Get, (_, _) => Task.FromResult("/api/v1/products"), null, [200, 200, 200, 200]),
        new("get product", HttpMethod.Get, (s, _) => Task.FromResult($"/api/v1/products/{s.ProductId}"), null, [200, 200, 200, 200]),
        new("create product", HttpMethod.Post, (_, _) => Task.FromResult("/api/v1/products"), _ => ShopApi.NewProductBody(), [401, 403, 403, 201]),
        new("set stock", HttpMethod.Put, (s, _) => Task.FromResult($"/api/v1/products/{s.AdminProductId}/stock"), _ => new { available = 400 }, [401, 403, 403, 200]),
        new("place order", HttpMethod.Post, (_, _) => Task.FromResult("/api/v1/orders"), s => ShopApi.OrderBody(s.ProductId), [401, 202, 202, 403]),
        new("A's order", HttpMethod.Get, (s, _) => Task.FromResult($"/api/v1/orders/{s.OrderOfA}"), null, [401, 200, 404, 200]),
        new("my orders", HttpMethod.Get, (_, _) => Task.FromResult("/api/v1/orders"), null, [401, 200, 200, 403]),
        new("cancel A's order", HttpMethod.Post, async (s, api) => $"/api/v1/orders/{(await api.PlaceOrderAsync(s.CustomerA, s.ProductId)).OrderId}/cancel", null, [401, 202, 404, 403]),
        new("payments of A's order", HttpMethod.Get, (s, _) => Task.FromResult($"/api/v1/payments?orderId={s.OrderOfA}"), null, [401, 200, 200, 200]),
        new("my notifications", HttpMethod.Get, (_, _) => Task.FromResult("/api/v1/notifications"), null, [401, 200, 200, 200]),
    ];

    public static TheoryData<string, string, int> Cases()
    {
        var cases = new TheoryData<string, string, int>();
        foreach (var route in Routes)
        {
            for (var i = 0; i < Actors.Length; i++)
            {
                cases.Add(route.Name, Actors[i], route.Expected[i]);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Route_answers_each_caller_with_the_expected_status(string routeName, string actorName, int expectedStatus)
    {
        var scenario = await shop.Scenario;
        var route = Routes.Single(r => r.Name == routeName);
        Actor? actor = actorName switch
        {
            CustomerA => scenario.CustomerA,
            CustomerB => scenario.CustomerB,
            Admin => scenario.Admin,
            _ => null,
        };

        using var client = shop.Api.For(actor);
        using var request = new HttpRequestMessage(route.Method, await route.Path(scenario, shop.Api));
        if (route.Body?.Invoke(scenario) is { } body)
        {
            request.Content = JsonContent.Create(body, options: ShopApi.Json);
        }

        using var response = await client.SendAsync(request, TestContext.Timeout);

        if (expectedStatus >= 400)
        {
            await response.AssertProblemAsync((HttpStatusCode)expectedStatus);
        }
        else
        {
            Assert.Equal((HttpStatusCode)expectedStatus, response.StatusCode);
        }
    }

    private sealed record Route(
        string Name,
        HttpMethod Method,
        Func<Scenario, ShopApi, Task<string>> Path,
        Func<Scenario, object>? Body,
        int[] Expected);
}
