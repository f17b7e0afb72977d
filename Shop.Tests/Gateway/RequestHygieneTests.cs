using System.Net;
using System.Text;
using Shop.Tests.Api;
using Shop.Tests.Integration;

namespace Shop.Tests.Gateway;

/// <summary>Body limit and CORS at the gateway (the test app runs in Development: localhost origins are allowed).</summary>
[Collection(ShopAppCollection.Name)]
public sealed class RequestHygieneTests(ShopAppFixture shop)
{
    private const int TwoMegabytes = 2 * 1024 * 1024;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_one_megabyte_is_413_whether_its_length_is_declared_or_chunked(bool chunked)
    {
        var scenario = await shop.Scenario;
        using var client = shop.Api.As(scenario.CustomerA);
        var body = $"{{\"items\":[],\"paymentToken\":\"{new string('x', TwoMegabytes)}\"}}";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        if (chunked)
        {
            content.Headers.ContentLength = null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = content };
        request.Headers.TransferEncodingChunked = chunked;
        request.Headers.ExpectContinue = !chunked;

        using var response = await client.SendAsync(request, TestContext.Timeout);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_body_just_under_the_limit_is_passed_to_the_service()
    {
        var scenario = await shop.Scenario;
        using var client = shop.Api.As(scenario.CustomerA);
        var padding = new string('x', 1000 * 1000);
        using var content = new StringContent($"{{\"items\":[],\"paymentToken\":\"{padding}\"}}", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/api/v1/orders", content, TestContext.Timeout);

        // The service's own validation answers: the gateway let it through.
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Shop.Orders", AnsweringProcess.Of(response).Executable);
    }

    [Fact]
    public async Task A_localhost_origin_passes_the_CORS_preflight_and_may_read_the_id_headers()
    {
        using var anonymous = shop.Api.Anonymous();
        using var preflight = Preflight("http://localhost:5173");

        using var response = await anonymous.SendAsync(preflight, TestContext.Timeout);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("http://localhost:5173", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));

        using var actual = new HttpRequestMessage(HttpMethod.Get, "/api/v1/products");
        actual.Headers.Add("Origin", "http://localhost:5173");
        using var read = await anonymous.SendAsync(actual, TestContext.Timeout);
        var exposed = string.Join(',', read.Headers.GetValues("Access-Control-Expose-Headers"));
        Assert.Contains("X-Request-ID", exposed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Retry-After", exposed, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Another_origin_gets_no_CORS_permission()
    {
        using var anonymous = shop.Api.Anonymous();
        using var preflight = Preflight("https://evil.example");

        using var response = await anonymous.SendAsync(preflight, TestContext.Timeout);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/orders");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }
}
