using System.Net;
using Shop.Tests.Api;

namespace Shop.Tests.Startup;

/// <summary>
/// Until a service's database is migrated its API answers 503 with Retry-After, never a 500 from a database that is
/// still being created, while its probes keep answering.
/// </summary>
public sealed class StartupGateTests
{
    [Fact]
    public async Task A_service_whose_database_is_not_migrated_answers_503_on_its_API_and_stays_alive()
    {
        // The database never answers, so the migrator keeps retrying and the service stays in its first start.
        await using var inventory = ServiceProcess.Start("inventory", ServiceProcess.ValidSettings("inventory"));
        using var client = inventory.CreateClient();
        await inventory.WaitUntilListeningAsync(client);

        using var response = await client.GetAsync("/api/v1/products", TestContext.Timeout);

        // Not the handler's "Database unavailable": the request must not reach the database at all.
        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Service starting", problem.GetProperty("title").GetString());
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Equal(Assert.Single(response.Headers.GetValues("X-Request-ID")), problem.GetProperty("requestId").GetString());
        Assert.True(problem.TryGetProperty("traceId", out _), $"No traceId in {problem}");
    }

    [Fact]
    public async Task Readiness_says_what_is_starting_without_running_its_checks_or_logging_an_error()
    {
        await using var inventory = ServiceProcess.Start("inventory", ServiceProcess.ValidSettings("inventory"));
        using var client = inventory.CreateClient();
        await inventory.WaitUntilListeningAsync(client);

        using var response = await client.GetAsync("/health", TestContext.Timeout);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Starting: migrating InventoryDbContext, warming up", await response.Content.ReadAsStringAsync(TestContext.Timeout));
        // The database checks did not run: a still-starting service is not a failure to log.
        Assert.DoesNotContain("HealthCheckService", inventory.Output, StringComparison.Ordinal);
    }
}
