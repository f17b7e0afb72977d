using System.Net;
using System.Net.Http.Json;
using Shop.Tests.Integration;
using Shop.Tests.Startup;

namespace Shop.Tests.Gateway;

/// <summary>
/// Whom the gateway believes about a client's address and scheme: only the proxies in
/// <c>ForwardedHeaders:TrustedProxies</c>, whether or not the host's own switch (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>,
/// which Aspire sets in every deployment) is on. Each test runs one gateway process, as its image runs it, with HSTS on
/// and every upstream refusing connections: a sign-in the rate limiter lets through ends as the gateway's 503.
/// </summary>
public sealed class TrustedProxyTests
{
    /// <summary><c>RateLimits:token</c> as shipped in Shop.Gateway/appsettings.json.</summary>
    private const int SignInLimit = 10;

    // HSTS leaves loopback hosts out, so requests name a public one.
    private const string PublicHost = "shop.example.com";

    private static readonly TimeSpan PromptExit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Without_trusted_proxies_forged_headers_neither_escape_the_sign_in_limit_nor_claim_https()
    {
        await using var gateway = Start(hostSwitch: true, trustedProxy: null);
        using var client = gateway.CreateClient();
        await gateway.WaitUntilListeningAsync(client);

        var answers = new List<(HttpStatusCode Status, bool Hsts)>();
        for (var i = 1; i <= SignInLimit + 2; i++)
        {
            answers.Add(await SignInAsync(client, forwardedFor: $"203.0.113.{i}"));
        }

        Assert.Equal(
            [.. Enumerable.Repeat(HttpStatusCode.ServiceUnavailable, SignInLimit), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests],
            answers.Select(answer => answer.Status));
        Assert.DoesNotContain(answers, answer => answer.Hsts);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_trusted_proxy_names_the_client_and_its_scheme(bool hostSwitch)
    {
        await using var gateway = Start(hostSwitch, trustedProxy: "127.0.0.1");
        using var client = gateway.CreateClient();
        await gateway.WaitUntilListeningAsync(client);

        // The proxy appends the address it saw; whatever the client wrote to the left of it is never read.
        var sameClient = new List<(HttpStatusCode Status, bool Hsts)>();
        for (var i = 1; i <= SignInLimit + 1; i++)
        {
            sameClient.Add(await SignInAsync(client, forwardedFor: $"198.51.100.{i}, 203.0.113.1"));
        }

        var otherClient = await SignInAsync(client, forwardedFor: "203.0.113.2");

        Assert.Equal(
            [.. Enumerable.Repeat(HttpStatusCode.ServiceUnavailable, SignInLimit), HttpStatusCode.TooManyRequests],
            sameClient.Select(answer => answer.Status));
        Assert.Equal((HttpStatusCode.ServiceUnavailable, true), otherClient);
    }

    [Fact]
    public async Task An_entry_that_is_not_an_address_or_network_stops_the_gateway_at_start_naming_the_setting()
    {
        // Host bits set beyond the prefix: probably a typo for 10.0.0.1/32 or 10.0.0.0/8, so neither is guessed.
        await using var gateway = Start(hostSwitch: true, trustedProxy: "10.0.0.1/8");

        var exitCode = await gateway.ExitCodeAsync(PromptExit);

        Assert.Equal(1, exitCode);
        Assert.Contains("Not starting, the configuration is invalid: ForwardedHeaders:TrustedProxies", gateway.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", gateway.Output, StringComparison.Ordinal);
    }

    private static ServiceProcess Start(bool hostSwitch, string? trustedProxy)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = hostSwitch ? "true" : "false",
            ["ForwardedHeaders__TrustedProxies__0"] = trustedProxy,
            ["Hsts__Enabled"] = "true",
        };
        foreach (var service in ShopResources.ServiceDatabases.Keys)
        {
            settings[$"services__{service}__http__0"] = "http://127.0.0.1:1";
        }

        return ServiceProcess.Start("gateway", settings);
    }

    private static async Task<(HttpStatusCode Status, bool Hsts)> SignInAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = JsonContent.Create(new { email = "guess@example.com", password = "guess" }),
        };
        request.Headers.Host = PublicHost;
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request, TestContext.Timeout);
        return (response.StatusCode, response.Headers.Contains("Strict-Transport-Security"));
    }
}
