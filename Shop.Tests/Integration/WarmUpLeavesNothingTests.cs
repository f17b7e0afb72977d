using Shop.Tests.Saga;

namespace Shop.Tests.Integration;

/// <summary>
/// The warm-ups write through the real code and roll back: nothing of them may stay for a client or a report to see.
/// That they ran, completely, is <see cref="StartupLogTests"/>' "no warm-up skipped"; every instance has warmed up
/// once the shared app is ready.
/// </summary>
[Collection(ShopAppCollection.Name)]
public sealed class WarmUpLeavesNothingTests(ShopAppFixture shop)
{
    [Theory]
    [InlineData("ordersdb")]
    [InlineData("inventorydb")]
    [InlineData("paymentsdb")]
    [InlineData("notificationsdb")]
    public async Task The_inbox_warm_up_leaves_no_handled_event(string database)
    {
        var rows = await ServiceDatabase.ScalarAsync<long>(shop, database, """SELECT count(*) FROM "InboxMessages" WHERE "Type" = 'warm-up'""");

        Assert.Equal(0, rows);
    }

    [Fact]
    public async Task The_orders_warm_up_leaves_no_order()
    {
        var rows = await ServiceDatabase.ScalarAsync<long>(shop, "ordersdb", """SELECT count(*) FROM "Orders" WHERE "IdempotencyKey" LIKE 'warm-up-%'""");

        Assert.Equal(0, rows);
    }
}
