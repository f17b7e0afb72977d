using System.Net;
using Shop.Tests.Integration;

namespace Shop.Tests.Api;

/// <summary>
/// X-Request-ID through the gateway: generated when absent, kept when sane, replaced when not, and the service behind
/// the gateway sees the same id (it puts it in its ProblemDetails as <c>requestId</c>).
/// </summary>
[Collection(ShopAppCollection.Name)]
public sealed class RequestIdTests(ShopAppFixture shop)
{
    private const string Header = "X-Request-ID";

    public static TheoryData<string> InsaneIds => new()
    {
        new string('a', 65),
        "has space",
        "<script>alert(1)</script>",
        "'; DROP TABLE \"Orders\";--",
        "slash/and\\backslash",
        "comma,separated",
    };

    [Fact]
    public async Task An_id_is_generated_when_the_client_sends_none_and_the_service_sees_it()
    {
        var (echoed, seenByService) = await UnknownOrderAsync(requestId: null);

        Assert.Matches("^[0-9a-f]{32}$", echoed);
        Assert.Equal(echoed, seenByService);
    }

    [Theory]
    [InlineData("abc-123_x.y:z")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123")]
    public async Task A_sane_id_is_kept_end_to_end(string requestId)
    {
        var (echoed, seenByService) = await UnknownOrderAsync(requestId);

        Assert.Equal(requestId, echoed);
        Assert.Equal(requestId, seenByService);
    }

    [Theory]
    [MemberData(nameof(InsaneIds))]
    public async Task An_insane_id_is_replaced_before_it_reaches_the_service(string requestId)
    {
        var (echoed, seenByService) = await UnknownOrderAsync(requestId);

        Assert.NotEqual(requestId, echoed);
        Assert.Matches("^[0-9a-f]{32}$", echoed);
        Assert.Equal(echoed, seenByService);
    }

    /// <summary>Asks orders (through the gateway) for an order that does not exist: a 404 ProblemDetails from the service.</summary>
    private async Task<(string Echoed, string? SeenByService)> UnknownOrderAsync(string? requestId)
    {
        var scenario = await shop.Scenario;
        using var client = shop.Api.As(scenario.CustomerA);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/orders/{Guid.NewGuid()}");
        if (requestId is not null)
        {
            Assert.True(request.Headers.TryAddWithoutValidation(Header, requestId));
        }

        using var response = await client.SendAsync(request, TestContext.Timeout);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        var echoed = Assert.Single(response.Headers.GetValues(Header));
        return (echoed, problem.TryGetProperty("requestId", out var seen) ? seen.GetString() : null);
    }
}
