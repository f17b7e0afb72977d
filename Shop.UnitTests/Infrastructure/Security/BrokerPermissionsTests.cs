using System.Text.RegularExpressions;
using Shop.AppHost.Infrastructure.Security;

namespace Shop.UnitTests.Infrastructure.Security;

public sealed class BrokerPermissionsTests
{
    private static readonly BrokerPermissions Orders = BrokerPermissions.For("orders");

    [Theory]
    [InlineData("shop.orders", true)]
    [InlineData("shop.orders.dead-letters", true)]
    [InlineData("shop.events", false)]
    [InlineData("shop.payments", false)]
    [InlineData("shop.payments.dead-letters", false)]
    [InlineData("shop.ordersx", false)]
    [InlineData("xshop.orders", false)]
    [InlineData("shopXorders", false)]
    [InlineData("", false)]
    public void A_service_configures_only_its_own_queues_and_their_exchanges(string resource, bool allowed) =>
        Assert.Equal(allowed, Regex.IsMatch(resource, Orders.Configure));

    [Theory]
    [InlineData("shop.events", true)]
    [InlineData("shop.orders", true)]
    [InlineData("shop.orders.dead-letters", true)]
    [InlineData("shop.payments", false)]
    [InlineData("amq.topic", false)]
    [InlineData("amq.default", false)]
    [InlineData("", false)]
    [InlineData("shop.eventsx", false)]
    [InlineData("shopXevents", false)]
    public void A_service_writes_and_reads_only_the_events_exchange_and_its_own_queues(string resource, bool allowed)
    {
        Assert.Equal(allowed, Regex.IsMatch(resource, Orders.Write));
        Assert.Equal(allowed, Regex.IsMatch(resource, Orders.Read));
    }

    [Fact]
    public void Regexes_are_anchored_and_escape_the_service_name() =>
        Assert.Equal(
            new BrokerPermissions(
                @"^(shop\.orders|shop\.orders\.dead-letters)$",
                @"^(shop\.events|shop\.orders|shop\.orders\.dead-letters)$",
                @"^(shop\.events|shop\.orders|shop\.orders\.dead-letters)$"),
            Orders);
}
