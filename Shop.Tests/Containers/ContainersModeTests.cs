using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shop.Tests.Api;
using Shop.Tests.Integration;
using Shop.Tests.Saga;

namespace Shop.Tests.Containers;

[Collection(ContainersShopAppCollection.Name)]
public sealed class ContainersModeTests(ContainersShopAppFixture shop)
{
    [Theory]
    [InlineData(ShopResources.Postgres, ContainerImages.Postgres)]
    [InlineData(ShopResources.Messaging, ContainerImages.RabbitMQ)]
    public void PostgreSQL_and_RabbitMQ_run_as_containers_of_the_expected_images(string resource, string image)
    {
        var container = Assert.IsType<ContainerResource>(shop.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == resource), exactMatch: false);

        Assert.True(container.TryGetContainerImageName(out var declared));
        Assert.Equal(image, declared);
        Assert.True(shop.App.ResourceNotifications.TryGetCurrentState(resource, out var state));
        Assert.Equal("Container", state.Snapshot.ResourceType);
    }

    /// <summary>The README's "Try it": register, sign in, browse the catalog, order, and read the order back.</summary>
    [Fact]
    public async Task The_readme_try_it_flow_works_through_the_gateway()
    {
        var customer = await shop.Api.NewCustomerAsync("readme reader");
        using var anonymous = shop.Api.Anonymous();
        var page = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/products?page=1&pageSize=5", ShopApi.Json, TestContext.Timeout);
        var productId = page.GetProperty("items")[0].GetProperty("id").GetGuid();

        using var client = shop.Api.As(customer);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders")
        {
            Content = JsonContent.Create(new { items = new[] { new { productId, quantity = 2 } }, paymentToken = "tok_visa" }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var placed = await client.SendAsync(request, TestContext.Timeout);
        Assert.Equal(HttpStatusCode.Accepted, placed.StatusCode);
        var orderId = (await placed.ReadJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var order = await shop.Api.FinalOrderAsync(customer, orderId);
        Assert.Equal("Confirmed", order.GetProperty("status").GetString());
    }
}
