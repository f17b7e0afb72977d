using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shop.Tests.Api;
using Shop.Tests.Saga;

namespace Shop.Tests.Gateway;

/// <summary>
/// Killing one orders replica (SIGKILL to its process) under a steady stream of orders: within 5 s every request
/// succeeds again on the survivor, and every order that was accepted reaches a final status.
/// </summary>
[Collection(GatewayEdgeCollection.Name)]
public sealed class ReplicaFailoverTests(GatewayEdgeApp shop)
{
    private const string Victim = "orders-2";
    private const int SettledRequests = 20;
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan BeforeKill = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task After_a_replica_is_killed_requests_succeed_within_five_seconds_and_no_accepted_order_is_lost()
    {
        var admin = await shop.Api.AdminAsync();
        var customer = await shop.Api.NewCustomerAsync("failover");
        var productId = await shop.Api.CreateProductAsync(admin, available: 10_000);
        using var client = shop.Api.As(customer);
        var victim = await FindInstanceAsync(client, Victim);

        var outcomes = new List<Outcome>();
        var clock = Stopwatch.StartNew();
        TimeSpan? killedAt = null;
        try
        {
            // Counted in requests, not seconds: on a slow machine a fixed window holds too few to judge the recovery.
            while (outcomes.Count(outcome => outcome.SentAt >= killedAt + Recovery) < SettledRequests)
            {
                if (killedAt is null && clock.Elapsed >= BeforeKill)
                {
                    Process.GetProcessById(victim.ProcessId).Kill();
                    killedAt = clock.Elapsed;
                }

                outcomes.Add(await PlaceOrderAsync(client, productId, clock.Elapsed));
                await Task.Delay(Pace);
            }
        }
        finally
        {
            await shop.StartResourceAsync(Victim);
        }

        var settled = outcomes.Where(outcome => outcome.SentAt >= killedAt + Recovery).ToList();
        Assert.All(settled, outcome => Assert.True(outcome.Status == HttpStatusCode.Accepted, $"{outcome} after the recovery window."));
        Assert.All(settled, outcome => Assert.NotEqual(victim.InstanceId, outcome.AnsweredBy));

        foreach (var accepted in outcomes.Where(outcome => outcome.OrderId is not null))
        {
            var order = await shop.Api.FinalOrderAsync(customer, accepted.OrderId!.Value);
            Assert.Equal("Confirmed", order.GetProperty("status").GetString());
        }
    }

    private static async Task<AnsweringProcess> FindInstanceAsync(HttpClient client, string resource)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var response = await client.GetAsync("/api/v1/orders", TestContext.Timeout);
            var process = AnsweringProcess.Of(response);
            if (process.Resource == resource)
            {
                return process;
            }
        }

        throw new InvalidOperationException($"No request reached {resource} in 50 tries: the gateway does not balance over it.");
    }

    private static async Task<Outcome> PlaceOrderAsync(HttpClient client, Guid productId, TimeSpan sentAt)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/orders", ShopApi.OrderBody(productId), TestContext.Timeout);
        Guid? orderId = response.StatusCode == HttpStatusCode.Accepted
            ? (await response.Content.ReadFromJsonAsync<JsonElement>(ShopApi.Json, TestContext.Timeout)).GetProperty("id").GetGuid()
            : null;
        return new Outcome(sentAt, response.StatusCode, orderId, AnsweringProcess.Of(response).InstanceId);
    }

    private sealed record Outcome(TimeSpan SentAt, HttpStatusCode Status, Guid? OrderId, string AnsweredBy);
}
