using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Shop.Tests.Integration;
using Shop.Tests.Saga;

namespace Shop.Tests.Api;

/// <summary>
/// PostgreSQL stopped and started with the Aspire commands: every service answers a clear 503 while it is down, and
/// orders are accepted and completed once it is back. Proven in each infrastructure mode (one subclass per collection).
/// </summary>
public abstract class DatabaseOutageTests(ShopAppFixture shop)
{
    // Under every route's gateway timeout (10 s): the services' short retries end in a 503, not the gateway's 504.
    private static readonly TimeSpan PromptFailure = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task Every_service_answers_503_while_PostgreSQL_is_down_and_orders_complete_once_it_is_back()
    {
        var scenario = await shop.Scenario;
        using var customer = shop.Api.As(scenario.CustomerA);
        try
        {
            await shop.StopResourceAsync(ShopResources.Postgres);

            var clock = Stopwatch.StartNew();
            using var refused = await customer.PostAsJsonAsync("/api/v1/orders", ShopApi.OrderBody(scenario.ProductId), TestContext.Timeout);
            clock.Stop();
            // Orders asks inventory for prices first, so the outage reaches the client as inventory's; any clear 503 will do.
            await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.True(clock.Elapsed < PromptFailure, $"The 503 took {clock.Elapsed}, more than {PromptFailure}.");

            // Straight to each service, so no gateway behaviour can stand in for the service's own answer.
            foreach (var (service, path) in ReadsOfOwnData(scenario))
            {
                using var direct = shop.App.CreateHttpClient(service, "http");
                direct.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", scenario.CustomerA.AccessToken);
                using var response = await direct.GetAsync(path, TestContext.Timeout);
                await AssertDatabaseUnavailableAsync(response, $"{service}: GET {path}");
            }
        }
        finally
        {
            await shop.StartResourceAsync(ShopResources.Postgres);
        }

        await Eventually.AssertStatusAsync(
            HttpStatusCode.Accepted,
            () => customer.PostAsJsonAsync("/api/v1/orders", ShopApi.OrderBody(scenario.ProductId), TestContext.Timeout));
        var placed = await shop.Api.PlaceOrderAsync(scenario.CustomerA, scenario.ProductId);
        Assert.Equal("Confirmed", (await shop.Api.FinalOrderAsync(scenario.CustomerA, placed.OrderId)).GetProperty("status").GetString());
    }

    private static IEnumerable<(string Service, string Path)> ReadsOfOwnData(Scenario scenario) =>
    [
        ("users", "/api/v1/users/me"),
        ("inventory", $"/api/v1/products/{scenario.ProductId}"),
        ("orders", $"/api/v1/orders/{scenario.OrderOfA}"),
        ("payments", $"/api/v1/payments?orderId={scenario.OrderOfA}"),
        ("notifications", "/api/v1/notifications"),
    ];

    private static async Task AssertDatabaseUnavailableAsync(HttpResponseMessage response, string request)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.True(
            problem.GetProperty("title").GetString() == "Database unavailable",
            $"{request} answered 503 '{problem.GetProperty("title").GetString()}', not the service's own 'Database unavailable'.");
        Assert.True(response.Headers.RetryAfter is not null, $"{request} answered 503 without Retry-After.");
    }
}

[Collection(ShopAppCollection.Name)]
public sealed class LocalDatabaseOutageTests(ShopAppFixture shop) : DatabaseOutageTests(shop);
