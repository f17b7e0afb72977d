using System.Net;
using System.Net.Http.Json;
using Shop.Tests.Api;
using Shop.Tests.Integration;

namespace Shop.Tests.Gateway;

/// <summary>
/// The gateway's public surface: each public route reaches the service that owns it (the answering process is that
/// service's executable), and internal endpoints are 404s answered by the gateway itself.
/// </summary>
[Collection(ShopAppCollection.Name)]
public sealed class GatewayRoutingTests(ShopAppFixture shop)
{
    public static TheoryData<string, string, string, string> PublicRoutes => new()
    {
        // method, path ({order} = A's order), who calls, the executable that must answer
        { "POST", "/api/v1/users", "anonymous", "Shop.Users" },
        { "POST", "/api/v1/auth/token", "anonymous", "Shop.Users" },
        { "GET", "/api/v1/users/me", "customer", "Shop.Users" },
        { "GET", "/api/v1/products", "anonymous", "Shop.Inventory" },
        { "POST", "/api/v1/products", "admin", "Shop.Inventory" },
        { "GET", "/api/v1/orders", "customer", "Shop.Orders" },
        { "GET", "/api/v1/orders/{order}", "customer", "Shop.Orders" },
        { "GET", "/api/v1/payments?orderId={order}", "customer", "Shop.Payments" },
        { "GET", "/api/v1/notifications", "customer", "Shop.Notifications" },
        { "GET", "/openapi/users.json", "anonymous", "Shop.Users" },
        { "GET", "/openapi/inventory.json", "anonymous", "Shop.Inventory" },
        { "GET", "/openapi/orders.json", "anonymous", "Shop.Orders" },
        { "GET", "/openapi/payments.json", "anonymous", "Shop.Payments" },
        { "GET", "/openapi/notifications.json", "anonymous", "Shop.Notifications" },
    };

    public static TheoryData<string> InternalPaths => new()
    {
        "/health",
        "/alive",
        "/metrics",
        "/.well-known/jwks.json",
        "/admin/dead-letters",
        "/api/v1/admin/dead-letters",
        "/openapi/v1.json",
        "/api/v1/auth/jwks",
        "/api/v1/unknown",
        "/",
    };

    [Theory]
    [MemberData(nameof(PublicRoutes))]
    public async Task Each_public_route_reaches_its_service(string method, string path, string caller, string service)
    {
        var scenario = await shop.Scenario;
        using var client = shop.Api.For(caller switch
        {
            "customer" => scenario.CustomerA,
            "admin" => scenario.Admin,
            _ => null,
        });
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{order}", scenario.OrderOfA.ToString(), StringComparison.Ordinal))
        {
            // An empty object: enough to reach the service, which answers 400 (or 401 for the token) itself.
            Content = method == "POST" ? JsonContent.Create(new { }) : null,
        };

        using var response = await client.SendAsync(request, TestContext.Timeout);

        Assert.True((int)response.StatusCode < 500, $"{method} {path}: {(int)response.StatusCode}");
        Assert.Equal(service, AnsweringProcess.Of(response).Executable);
    }

    [Theory]
    [MemberData(nameof(InternalPaths))]
    public async Task Internal_endpoints_are_not_routed_even_for_an_admin(string path)
    {
        var scenario = await shop.Scenario;
        using var admin = shop.Api.As(scenario.Admin);

        using var response = await admin.GetAsync(path, TestContext.Timeout);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Shop.Gateway", AnsweringProcess.Of(response).Executable);
    }

    [Fact]
    public async Task The_docs_page_lists_every_services_OpenAPI_document_through_the_gateway()
    {
        using var anonymous = shop.Api.Anonymous();

        var page = await anonymous.GetStringAsync("/docs/", TestContext.Timeout);

        foreach (var service in ShopResources.ServiceDatabases.Keys)
        {
            Assert.Contains($"openapi/{service}.json", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_OpenAPI_document_names_no_server_so_try_it_goes_to_the_gateway_that_served_it()
    {
        using var anonymous = shop.Api.Anonymous();

        var document = await anonymous.GetFromJsonAsync<System.Text.Json.JsonElement>("/openapi/orders.json", ShopApi.Json, TestContext.Timeout);

        // OpenAPI: without servers, operations are relative to where the document was served: /openapi/ on the gateway.
        Assert.False(document.TryGetProperty("servers", out var servers) && servers.GetArrayLength() > 0, $"servers: {servers}");
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task The_docs_page_offers_the_bearer_scheme_to_authorize_once_for_every_document()
    {
        using var anonymous = shop.Api.Anonymous();

        var page = (await anonymous.GetStringAsync("/docs/", TestContext.Timeout)).Replace(" ", "", StringComparison.Ordinal);

        Assert.Matches("\"preferredSecurityScheme\":\\[?\"Bearer\"", page);
        Assert.Contains("\"persistAuth\":true", page, StringComparison.Ordinal);
    }
}
