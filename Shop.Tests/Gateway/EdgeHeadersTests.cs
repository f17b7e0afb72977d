using System.Net;
using System.Text.RegularExpressions;
using Shop.Tests.Integration;

namespace Shop.Tests.Gateway;

/// <summary>
/// The headers every gateway answer carries, whoever wrote it: a service, the gateway itself, or the <c>/docs</c>
/// page. (HSTS, off by default and only over https, is in <see cref="TrustedProxyTests"/>.)
/// </summary>
[Collection(ShopAppCollection.Name)]
public sealed partial class EdgeHeadersTests(ShopAppFixture shop)
{
    [Theory]
    [InlineData("/api/v1/products", HttpStatusCode.OK)]
    [InlineData("/api/v1/orders", HttpStatusCode.Unauthorized)]
    [InlineData("/not-routed", HttpStatusCode.NotFound)]
    [InlineData("/docs", HttpStatusCode.OK)]
    public async Task Every_answer_forbids_sniffing_framing_and_referrers_and_names_no_server(string path, HttpStatusCode status)
    {
        using var anonymous = shop.Api.Anonymous();

        using var response = await anonymous.GetAsync(path, TestContext.Timeout);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(["DENY"], response.Headers.GetValues("X-Frame-Options"));
        Assert.Equal(["no-referrer"], response.Headers.GetValues("Referrer-Policy"));
        Assert.False(response.Headers.Contains("Server"), $"Server: {string.Join(", ", response.Headers.Server)}");
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Every_script_of_the_docs_page_is_served_as_JavaScript_so_nosniff_lets_a_browser_run_it()
    {
        using var anonymous = shop.Api.Anonymous();
        var page = await anonymous.GetStringAsync("/docs/", TestContext.Timeout);
        var scripts = ScriptSource().Matches(page).Select(match => match.Groups[1].Value).ToList();

        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            using var response = await anonymous.GetAsync($"/docs/{script}", TestContext.Timeout);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [GeneratedRegex("<script[^>]* src=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();
}
