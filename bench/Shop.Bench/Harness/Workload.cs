namespace Shop.Bench.Harness;

/// <summary>The customers and products orders are placed with; products carry the most stock a product may hold.</summary>
public sealed record Workload(ShopClient Client, string AdminToken, IReadOnlyList<string> Customers, IReadOnlyList<Guid> Products)
{
    public const int ProductStock = 1_000_000;

    public static async Task<Workload> CreateAsync(BenchedShop shop, ShopClient client, BenchSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settings);

        var admin = await client.SignInAsync(BenchedShop.AdminEmail, shop.AdminPassword, ct);
        var customers = new List<string>();
        for (var i = 0; i < settings.Customers; i++)
        {
            customers.Add(await client.NewCustomerAsync(ct));
        }

        var products = new List<Guid>();
        for (var i = 0; i < settings.Products; i++)
        {
            products.Add(await client.CreateProductAsync(admin, ProductStock, ct));
        }

        return new Workload(client, admin, customers, products);
    }
}
