using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shop.Tests.Integration;

namespace Shop.Tests.Api;

[Collection(ShopAppCollection.Name)]
public sealed class GatewayAuthenticationTests(ShopAppFixture shop)
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task The_gateway_refuses_an_unsigned_caller_itself_even_while_the_service_is_down()
    {
        var scenario = await shop.Scenario;
        using var anonymous = shop.Api.Anonymous();

        try
        {
            await shop.StopResourceAsync("payments");

            // A stopped service's port hangs; only an answer from the gateway itself can be this quick.
            var clock = Stopwatch.StartNew();
            using var response = await anonymous.GetAsync($"/api/v1/payments?orderId={scenario.OrderOfA}", TestContext.Timeout);
            clock.Stop();

            await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
            Assert.True(clock.Elapsed < Prompt, $"The 401 took {clock.Elapsed}.");
        }
        finally
        {
            await shop.StartResourceAsync("payments");
        }

        using var customer = shop.Api.As(scenario.CustomerA);
        await Eventually.AssertStatusAsync(
            HttpStatusCode.OK,
            () => customer.GetAsync($"/api/v1/payments?orderId={scenario.OrderOfA}", TestContext.Timeout));
    }

    [Theory]
    [InlineData("/api/v1/products")]
    [InlineData("/openapi/orders.json")]
    public async Task Public_reads_pass_the_gateway_without_a_token(string path)
    {
        using var anonymous = shop.Api.Anonymous();

        using var response = await anonymous.GetAsync(path, TestContext.Timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/.well-known/jwks.json")]
    [InlineData("/.well-known/openid-configuration")]
    public async Task Signing_key_endpoints_are_internal_not_routed_by_the_gateway(string path)
    {
        using var anonymous = shop.Api.Anonymous();

        using var response = await anonymous.GetAsync(path, TestContext.Timeout);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_users_service_publishes_its_RS256_public_key_inside_the_system()
    {
        using var users = shop.App.CreateHttpClient("users", "http");

        var keys = await users.GetFromJsonAsync<JsonElement>("/.well-known/jwks.json", ShopApi.Json, TestContext.Timeout);

        var key = Assert.Single(keys.GetProperty("keys").EnumerateArray());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("RS256", key.GetProperty("alg").GetString());
        Assert.False(key.TryGetProperty("d", out _), "The JWKS must not contain the private exponent.");
    }

    [Fact]
    public async Task Writing_the_catalog_needs_a_token_at_the_gateway()
    {
        using var anonymous = shop.Api.Anonymous();

        using var response = await anonymous.PostAsJsonAsync("/api/v1/products", ShopApi.NewProductBody(), TestContext.Timeout);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
