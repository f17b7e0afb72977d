using System.Net;
using Shop.Tests.Api;

namespace Shop.Tests.Gateway;

/// <summary>Rate limits (lowered to three a minute in this app): per user when signed in, per client IP otherwise.</summary>
[Collection(GatewayEdgeCollection.Name)]
public sealed class RateLimitTests(GatewayEdgeApp shop)
{
    [Fact]
    public async Task Past_the_limit_a_user_gets_429_with_Retry_After_while_another_user_is_unaffected()
    {
        var a = await shop.Api.NewCustomerAsync("rate-limited A");
        var b = await shop.Api.NewCustomerAsync("rate-limited B");
        using var clientA = shop.Api.As(a);
        using var clientB = shop.Api.As(b);

        for (var i = 0; i < GatewayEdgeApp.LoweredPermitLimit; i++)
        {
            using var allowed = await clientA.GetAsync("/api/v1/notifications", TestContext.Timeout);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await clientA.GetAsync("/api/v1/notifications", TestContext.Timeout);
        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter is { TotalSeconds: >= 1 and <= 60 }, $"Retry-After was {retryAfter}.");

        using var other = await clientB.GetAsync("/api/v1/notifications", TestContext.Timeout);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task An_anonymous_client_cannot_escape_its_IP_limit_with_forwarding_headers()
    {
        using var anonymous = shop.Api.Anonymous();

        var statuses = new List<HttpStatusCode>();
        string? hostSwitch = null;
        for (var i = 0; i <= GatewayEdgeApp.LoweredPermitLimit; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/users.json");
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            request.Headers.Add("X-Real-IP", $"198.51.100.{i + 1}");
            request.Headers.Add("Forwarded", $"for=192.0.2.{i + 1}");
            using var response = await anonymous.SendAsync(request, TestContext.Timeout);
            statuses.Add(response.StatusCode);
            hostSwitch = AnsweringProcess.Of(response).Variable("ASPNETCORE_FORWARDEDHEADERS_ENABLED");
        }

        Assert.Equal(
            [.. Enumerable.Repeat(HttpStatusCode.OK, GatewayEdgeApp.LoweredPermitLimit), HttpStatusCode.TooManyRequests],
            statuses);
        // The gateway that refused runs as in a deployment: the host's switch alone does not make it believe clients.
        Assert.Equal("true", hostSwitch);
    }
}
