using System.Text.Json;
using Shop.Tests.Api;
using Shop.Tests.Integration;

namespace Shop.Tests.Gateway;

/// <summary>
/// Header bytes as browsers and curl send them: UTF-8 text is forwarded to the service, bytes that are not UTF-8 text
/// or that hold control characters are refused by the gateway with a 400 ProblemDetails. Never a 502, never a bare 400.
/// </summary>
[Collection(ShopAppCollection.Name)]
public sealed class HeaderEncodingTests(ShopAppFixture shop)
{
    public static TheoryData<string, string, string> Utf8Headers() => new()
    {
        { "/api/v1/products", "X-Foo", "é" },
        { "/api/v1/products", "User-Agent", "Navigateur/1.0 (Ünïcödé; 日本語)" },
        { "/api/v1/products", "Cookie", "préférence=thé" },
        { "/api/v1/products", "Accept-Language", "français" },
        { "/openapi/users.json", "X-Foo", "é" },
    };

    [Theory]
    [MemberData(nameof(Utf8Headers))]
    public async Task A_UTF8_header_value_is_forwarded_to_the_service(string path, string header, string value)
    {
        var response = await SendAsync(path, RawHttp.Utf8(header, value));

        Assert.True(response.Status == 200, $"Expected 200, got {response.Status}: {response.Body}");
    }

    [Fact]
    public async Task A_UTF8_Idempotency_Key_reaches_orders_which_names_it_in_its_validation_error()
    {
        var scenario = await shop.Scenario;
        var body = JsonSerializer.Serialize(ShopApi.OrderBody(scenario.ProductId), ShopApi.Json);

        var response = await RawHttp.SendAsync(
            Gateway, "POST", "/api/v1/orders", [RawHttp.Utf8("Authorization", $"Bearer {scenario.CustomerA.AccessToken}"), RawHttp.Utf8("Idempotency-Key", "clé-1")], body);

        Assert.True(response.Status == 400, $"Expected 400, got {response.Status}: {response.Body}");
        using var problem = JsonDocument.Parse(response.Body);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("Idempotency-Key", out _), response.Body);
    }

    public static TheoryData<string, byte[]> UnreadableValues() => new()
    {
        { "Latin-1 é", [0xE9] },
        { "a cut UTF-8 sequence", [(byte)'a', 0xC3] },
        { "SOH", [(byte)'a', 0x01, (byte)'b'] },
        { "ESC", [0x1B, (byte)'[', (byte)'m'] },
        { "DEL", [(byte)'x', 0x7F] },
    };

    [Theory]
    [MemberData(nameof(UnreadableValues))]
    public async Task A_header_value_the_services_cannot_read_is_a_400_ProblemDetails_with_both_ids(string what, byte[] value)
    {
        var response = await SendAsync("/api/v1/products", ("X-Foo", value));

        Assert.True(response.Status == 400, $"{what}: expected 400, got {response.Status}: {response.Body}");
        Assert.Equal("application/problem+json", response.Headers["Content-Type"].Split(';')[0]);
        Assert.Contains("X-Foo", JsonDocument.Parse(response.Body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(response.Headers.ContainsKey("X-Request-ID"), what);
        Assert.True(response.Headers.ContainsKey("X-Trace-Id"), what);
    }

    [Theory]
    [InlineData("/api/v1/products/%00")]
    [InlineData("/api/v1/products/a%00b")]
    public async Task A_target_that_decodes_to_NUL_is_refused_by_Kestrel_before_any_middleware(string target)
    {
        // docs/gateway.md lists what Kestrel answers itself (a bare 400, no ids): this keeps that list honest.
        var response = await RawHttp.SendAsync(Gateway, "GET", target, []);

        Assert.Equal(400, response.Status);
        Assert.False(response.Headers.ContainsKey("X-Request-ID"), "A Shop middleware answered: update docs/gateway.md.");
    }

    private Uri Gateway
    {
        get
        {
            using var client = shop.Api.Anonymous();
            return client.BaseAddress!;
        }
    }

    private Task<RawResponse> SendAsync(string path, (string Name, byte[] Value) header) =>
        RawHttp.SendAsync(Gateway, "GET", path, [header]);
}
