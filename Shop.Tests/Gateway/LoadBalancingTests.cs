using System.Net;
using Shop.Tests.Integration;

namespace Shop.Tests.Gateway;

/// <summary>The gateway spreads requests over both inventory instances, each its own process.</summary>
[Collection(ShopAppCollection.Name)]
public sealed class LoadBalancingTests(ShopAppFixture shop)
{
    private const int Requests = 200;
    private const double MinimumShare = 0.25;

    [Fact]
    public async Task Two_hundred_product_reads_are_spread_over_both_inventory_replicas()
    {
        var scenario = await shop.Scenario;
        using var anonymous = shop.Api.Anonymous();

        var answeredBy = new List<AnsweringProcess>();
        for (var i = 0; i < Requests; i++)
        {
            using var response = await anonymous.GetAsync($"/api/v1/products/{scenario.ProductId}", TestContext.Timeout);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answeredBy.Add(AnsweringProcess.Of(response));
        }

        var shares = answeredBy.GroupBy(process => process.InstanceId).ToDictionary(group => group.First(), group => group.Count());
        Assert.Equal(2, shares.Count);
        Assert.All(shares, share =>
        {
            Assert.Equal("Shop.Inventory", share.Key.Executable);
            Assert.True(share.Value >= Requests * MinimumShare, $"{share.Key.Resource} answered {share.Value} of {Requests}.");
        });
        Assert.Equal(ShopResources.InstancesOf("inventory").Order(), shares.Keys.Select(process => process.Resource).Order());
    }
}
