using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shop.Tests.Integration;

namespace Shop.Tests.Api;

[Collection(ShopAppCollection.Name)]
public sealed class ProductsApiTests(ShopAppFixture shop)
{
    [Fact]
    public async Task The_demo_catalog_has_at_least_ten_products_with_stock()
    {
        using var client = shop.Api.Anonymous();

        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/products?page=1&pageSize=100", ShopApi.Json, TestContext.Timeout);

        // Other tests add products of their own; the demo catalog's skus start with SHOP-.
        var demo = page.GetProperty("items").EnumerateArray().Where(p => p.GetProperty("sku").GetString()!.StartsWith("SHOP-", StringComparison.Ordinal)).ToList();
        Assert.True(demo.Count >= 10, $"Expected at least 10 demo products, got {demo.Count}.");
        Assert.All(demo, product => Assert.True(product.GetProperty("available").GetInt32() >= 100));
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(100, page.GetProperty("pageSize").GetInt32());
        Assert.True(page.GetProperty("total").GetInt32() >= demo.Count);
    }

    [Fact]
    public async Task Pages_do_not_overlap()
    {
        using var client = shop.Api.Anonymous();

        var first = await client.GetFromJsonAsync<JsonElement>("/api/v1/products?page=1&pageSize=3", ShopApi.Json, TestContext.Timeout);
        var second = await client.GetFromJsonAsync<JsonElement>("/api/v1/products?page=2&pageSize=3", ShopApi.Json, TestContext.Timeout);

        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(p => p.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(6, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_duplicate_sku_is_a_conflict_whatever_its_case()
    {
        var scenario = await shop.Scenario;
        using var client = shop.Api.As(scenario.Admin);
        var sku = $"DUP-{Guid.NewGuid():N}"[..20];

        using var created = await client.PostAsJsonAsync("/api/v1/products", new { sku, name = "First", price = 3m, currency = "EUR", available = 1 }, TestContext.Timeout);
        using var duplicate = await client.PostAsJsonAsync("/api/v1/products", new { sku = sku.ToLowerInvariant(), name = "Second", price = 3m, currency = "EUR", available = 1 }, TestContext.Timeout);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await duplicate.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Setting_stock_changes_what_is_available()
    {
        var scenario = await shop.Scenario;
        using var admin = shop.Api.As(scenario.Admin);

        using var response = await admin.PutAsJsonAsync($"/api/v1/products/{scenario.AdminProductId}/stock", new { available = 321 }, TestContext.Timeout);
        using var anonymous = shop.Api.Anonymous();
        var product = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/products/{scenario.AdminProductId}", ShopApi.Json, TestContext.Timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(321, (await response.ReadJsonAsync<JsonElement>()).GetProperty("available").GetInt32());
        Assert.Equal(321, product.GetProperty("available").GetInt32());
    }

    [Theory]
    [InlineData("GET", "/api/v1/products/{id}")]
    [InlineData("PUT", "/api/v1/products/{id}/stock")]
    public async Task An_unknown_product_is_404(string method, string path)
    {
        var scenario = await shop.Scenario;
        using var client = shop.Api.As(scenario.Admin);
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal))
        {
            Content = method == "PUT" ? JsonContent.Create(new { available = 1 }) : null,
        };

        using var response = await client.SendAsync(request, TestContext.Timeout);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
