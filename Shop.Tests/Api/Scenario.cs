using Shop.Tests.Saga;

namespace Shop.Tests.Api;

/// <summary>
/// People and data the API tests act on, created once per app: two customers (A owns an order), the admin, a demo
/// product and a product the admin created for stock changes. A's order has been through the saga (it is final), so
/// every service knows it.
/// </summary>
public sealed record Scenario(Actor CustomerA, Actor CustomerB, Actor Admin, Guid ProductId, Guid AdminProductId, Guid OrderOfA)
{
    public static async Task<Scenario> CreateAsync(ShopApi api)
    {
        ArgumentNullException.ThrowIfNull(api);

        var customerA = await api.NewCustomerAsync("customer A");
        var customerB = await api.NewCustomerAsync("customer B");
        var admin = await api.AdminAsync();
        var productId = await api.AnyProductIdAsync();
        var adminProductId = await api.CreateProductAsync(admin);
        var orderOfA = (await api.PlaceOrderAsync(customerA, productId)).OrderId;
        await api.FinalOrderAsync(customerA, orderOfA);

        return new Scenario(customerA, customerB, admin, productId, adminProductId, orderOfA);
    }
}
