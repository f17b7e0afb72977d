using System.Net;
using Shop.Tests.Api;
using Shop.Tests.Integration;

namespace Shop.Tests.Deployment;

/// <summary>
/// <c>/metrics</c> in Prometheus text format on every process, for in-cluster scraping: on each service's own port,
/// on the gateway's management port, and never through the gateway's public port.
/// </summary>
[Collection(ShopAppCollection.Name)]
public sealed class PrometheusScrapingTests(ShopAppFixture shop)
{
    public static TheoryData<string, string> Scrapes()
    {
        var scrapes = new TheoryData<string, string>();
        foreach (var instance in ShopResources.ServiceDatabases.Keys.SelectMany(ShopResources.InstancesOf))
        {
            scrapes.Add(instance, "http");
        }

        scrapes.Add(ShopResources.Gateway, "management");
        return scrapes;
    }

    [Theory]
    [MemberData(nameof(Scrapes))]
    public async Task Each_process_serves_its_metrics_in_Prometheus_format(string resource, string endpoint)
    {
        using var client = shop.App.CreateHttpClient(resource, endpoint);

        // The first scrape can come before the first export cycle has anything; the ASP.NET Core meter fills on use.
        using (await client.GetAsync("/alive", TestContext.Timeout))
        {
        }

        using var response = await client.GetAsync("/metrics", TestContext.Timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(TestContext.Timeout);
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gateway_does_not_serve_metrics_on_its_public_port()
    {
        using var anonymous = shop.Api.Anonymous();

        using var response = await anonymous.GetAsync("/metrics", TestContext.Timeout);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
