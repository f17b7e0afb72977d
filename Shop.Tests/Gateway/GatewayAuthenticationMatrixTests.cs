using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Shop.Tests.Api;
using Shop.Tests.Integration;

namespace Shop.Tests.Gateway;

/// <summary>
/// Every protected route refuses a caller with no token, an expired token or a token signed by another key with a
/// 401 from the gateway itself: the request never reaches the service.
/// </summary>
[Collection(ShopAppCollection.Name)]
public sealed class GatewayAuthenticationMatrixTests(ShopAppFixture shop)
{
    private static readonly (string Method, string Path)[] ProtectedRoutes =
    [
        ("GET", "/api/v1/users/me"),
        ("GET", "/api/v1/users/{id}"),
        ("POST", "/api/v1/products"),
        ("PUT", "/api/v1/products/{id}/stock"),
        ("GET", "/api/v1/orders"),
        ("POST", "/api/v1/orders"),
        ("GET", "/api/v1/orders/{id}"),
        ("POST", "/api/v1/orders/{id}/cancel"),
        ("GET", "/api/v1/payments?orderId={id}"),
        ("GET", "/api/v1/notifications"),
    ];

    public static TheoryData<string, string, string> Cases()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var (method, path) in ProtectedRoutes)
        {
            foreach (var token in new[] { "none", "expired", "another key" })
            {
                cases.Add(method, path, token);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_protected_route_is_401_at_the_gateway(string method, string path, string token)
    {
        var scenario = await shop.Scenario;
        using var client = shop.Api.Anonymous();
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", scenario.OrderOfA.ToString(), StringComparison.Ordinal))
        {
            Content = method is "POST" or "PUT" ? JsonContent.Create(new { }) : null,
        };
        request.Headers.Authorization = token switch
        {
            "expired" => new AuthenticationHeaderValue("Bearer", TestTokens.SignedWithAppKey(shop.TokenSigningKey, scenario.CustomerA, expires: DateTime.UtcNow.AddHours(-1))),
            "another key" => new AuthenticationHeaderValue("Bearer", TestTokens.SignedByAnotherKey(scenario.CustomerA)),
            _ => null,
        };

        using var response = await client.SendAsync(request, TestContext.Timeout);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Shop.Gateway", AnsweringProcess.Of(response).Executable);
    }

    [Fact]
    public async Task A_fresh_token_minted_like_the_expired_one_is_accepted_so_expiry_alone_fails_that_case()
    {
        var scenario = await shop.Scenario;
        using var client = shop.Api.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", TestTokens.SignedWithAppKey(shop.TokenSigningKey, scenario.CustomerA, expires: DateTime.UtcNow.AddMinutes(10)));

        using var response = await client.GetAsync("/api/v1/users/me", TestContext.Timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
