using System.Diagnostics;
using System.Net;
using Shop.Tests.Api;
using Shop.Tests.Integration;

namespace Shop.Tests.Gateway;

/// <summary>What a client sees when a service is down or hangs: ProblemDetails from the gateway, promptly.</summary>
[Collection(GatewayEdgeCollection.Name)]
public sealed class UpstreamFailureTests(GatewayEdgeApp shop)
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task With_every_inventory_instance_down_product_reads_are_a_prompt_503()
    {
        using var anonymous = shop.Api.Anonymous();
        try
        {
            await shop.StopServiceAsync("inventory");

            var clock = Stopwatch.StartNew();
            using var response = await anonymous.GetAsync("/api/v1/products", TestContext.Timeout);
            clock.Stop();

            var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Contains("inventory", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.True(clock.Elapsed < Prompt, $"The 503 took {clock.Elapsed}.");
        }
        finally
        {
            await shop.StartServiceAsync("inventory");
        }

        await Eventually.AssertStatusAsync(HttpStatusCode.OK, () => anonymous.GetAsync("/api/v1/products", TestContext.Timeout));
    }

    [Fact]
    public async Task A_service_that_hangs_is_a_504_once_the_routes_timeout_passes()
    {
        var customer = await shop.Api.NewCustomerAsync("timeout");
        using var client = shop.Api.As(customer);
        int? payments = null;
        try
        {
            // A frozen process (SIGSTOP) still completes TCP handshakes but never answers: a stuck service. Freeze the
            // process a 200 came from, so never the gateway (it answers a 503 itself while a probe has payments down).
            using var answered = await Eventually.RespondsAsync(
                HttpStatusCode.OK, () => client.GetAsync($"/api/v1/payments?orderId={Guid.NewGuid()}", TestContext.Timeout));
            var process = AnsweringProcess.Of(answered);
            Assert.Equal("payments", process.Resource);
            payments = process.ProcessId;
            await LocalProcesses.SignalAsync(process.ProcessId, "STOP");

            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync($"/api/v1/payments?orderId={Guid.NewGuid()}", TestContext.Timeout);
            clock.Stop();

            await response.AssertProblemAsync(HttpStatusCode.GatewayTimeout);
            Assert.InRange(clock.Elapsed, GatewayEdgeApp.PaymentsTimeout, GatewayEdgeApp.PaymentsTimeout + Prompt);
        }
        finally
        {
            if (payments is { } frozen)
            {
                await LocalProcesses.SignalAsync(frozen, "CONT");
            }
        }

        await Eventually.AssertStatusAsync(
            HttpStatusCode.OK, () => client.GetAsync($"/api/v1/payments?orderId={Guid.NewGuid()}", TestContext.Timeout));
    }
}
