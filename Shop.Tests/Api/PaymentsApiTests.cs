using System.Net;
using Shop.Tests.Integration;
using Shop.Tests.Saga;

namespace Shop.Tests.Api;

[Collection(ShopAppCollection.Name)]
public sealed class PaymentsApiTests(ShopAppFixture shop)
{
    [Fact]
    public async Task The_owner_and_the_admin_see_the_captured_payment()
    {
        var scenario = await shop.Scenario;

        Assert.Equal(["Captured"], await shop.Api.PaymentStatusesAsync(scenario.CustomerA, scenario.OrderOfA));
        Assert.Equal(["Captured"], await shop.Api.PaymentStatusesAsync(scenario.Admin, scenario.OrderOfA));
    }

    [Fact]
    public async Task Another_customers_order_answers_exactly_like_an_order_that_does_not_exist()
    {
        var scenario = await shop.Scenario;
        using var client = shop.Api.As(scenario.CustomerB);

        using var others = await client.GetAsync($"/api/v1/payments?orderId={scenario.OrderOfA}", TestContext.Timeout);
        using var unknown = await client.GetAsync($"/api/v1/payments?orderId={Guid.NewGuid()}", TestContext.Timeout);

        Assert.Equal(HttpStatusCode.OK, others.StatusCode);
        Assert.Equal(unknown.StatusCode, others.StatusCode);
        Assert.Equal("[]", await others.Content.ReadAsStringAsync(TestContext.Timeout));
        Assert.Equal(await unknown.Content.ReadAsStringAsync(TestContext.Timeout), await others.Content.ReadAsStringAsync(TestContext.Timeout));
    }
}
