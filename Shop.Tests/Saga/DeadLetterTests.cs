using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Shop.IntegrationEvents;
using Shop.Tests.Api;
using Shop.Tests.Integration;

namespace Shop.Tests.Saga;

/// <summary>A message whose handling never succeeds ends in the service's dead-letter queue, and replays after a fix.</summary>
[Collection(ShopAppCollection.Name)]
public sealed class DeadLetterTests(ShopAppFixture shop)
{
    private const string DeadLetters = "/admin/dead-letters";

    [Fact]
    public async Task A_message_that_keeps_failing_is_dead_lettered_with_its_error_and_replays_after_the_fix()
    {
        var scenario = await shop.Scenario;
        await using var broker = await TestBroker.ConnectAsync(shop);
        using var inventory = InventoryAsAdmin(scenario.Admin);
        var product = await shop.Api.CreateProductAsync(scenario.Admin, available: 5);
        var orderId = Guid.NewGuid();

        // Inventory cannot sell stock it never reserved: a confirmation of an order it never heard of fails on every attempt.
        var poison = await broker.PublishToQueueAsync("inventory", new OrderConfirmed(orderId, scenario.CustomerA.Id, 5m, "EUR"));

        var letter = await OrderJourney.UntilAsync(
            async () => (await inventory.GetFromJsonAsync<JsonElement[]>(DeadLetters, ShopApi.Json, TestContext.Timeout))!
                .FirstOrDefault(letter => letter.GetProperty("messageId").GetString() == poison.ToString()),
            letter => letter.ValueKind == JsonValueKind.Object,
            "the poison message in the dead-letter queue");
        Assert.Contains("has no reservation", letter.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("5", letter.GetProperty("attempts").GetString());
        Assert.Equal("order-confirmed.v1", letter.GetProperty("type").GetString());
        Assert.Null(await ReservationStatusAsync(orderId));

        // The fix: the order inventory was missing arrives and reserves a unit. Then the dead letter is replayed, and
        // now sells it.
        await broker.PublishToQueueAsync(
            "inventory", new OrderPlaced(orderId, scenario.CustomerA.Id, [new OrderPlacedLine(product, 1, 5m)], 5m, "EUR", "tok_visa"));
        await OrderJourney.UntilAsync(() => ReservationStatusAsync(orderId), status => status == "Reserved", "the late order's reservation");
        using var replay = await inventory.PostAsync($"{DeadLetters}/replay?messageId={poison}", content: null, TestContext.Timeout);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(1, (await replay.ReadJsonAsync<JsonElement>()).GetProperty("replayed").GetInt32());

        await OrderJourney.UntilAsync(() => ReservationStatusAsync(orderId), status => status == "Sold", "the replayed confirmation's sale");
        Assert.Equal(4, await shop.Api.AvailableAsync(product));
        var remaining = await inventory.GetFromJsonAsync<JsonElement[]>(DeadLetters, ShopApi.Json, TestContext.Timeout);
        Assert.DoesNotContain(remaining!, letter => letter.GetProperty("messageId").GetString() == poison.ToString());
    }

    [Fact]
    public async Task Dead_letters_are_for_admins_only_and_not_reachable_through_the_gateway()
    {
        var scenario = await shop.Scenario;
        using var anonymous = shop.App.CreateHttpClient("payments", "http");
        using var customer = shop.App.CreateHttpClient("payments", "http");
        customer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", scenario.CustomerA.AccessToken);
        using var throughGateway = shop.Api.As(scenario.Admin);

        using var unauthenticated = await anonymous.GetAsync(DeadLetters, TestContext.Timeout);
        using var forbidden = await customer.PostAsync($"{DeadLetters}/replay", content: null, TestContext.Timeout);
        using var notRouted = await throughGateway.GetAsync(DeadLetters, TestContext.Timeout);

        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notRouted.StatusCode);
    }

    private Task<string?> ReservationStatusAsync(Guid orderId) =>
        ServiceDatabase.ScalarAsync<string?>(shop, "inventorydb", """SELECT "Status" FROM "Reservations" WHERE "OrderId" = @id""", orderId);

    private HttpClient InventoryAsAdmin(Actor admin)
    {
        var client = shop.App.CreateHttpClient("inventory", "http");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin.AccessToken);
        return client;
    }
}
