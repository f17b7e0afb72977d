using Shop.Inventory.Apis;
using Shop.Inventory.Data;
using Shop.ServiceDefaults.WarmUp;

namespace Shop.Inventory.Application;

/// <summary>
/// The catalog routes' own code, run once before inventory reports ready: a page of products and a product by id (the
/// lookup orders makes for every order line). Reads only.
/// </summary>
internal sealed class CatalogWarmUp(InventoryDbContext db) : IWarmUp
{
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        await InventoryApi.ListProducts(page: 1, pageSize: 5, db, cancellationToken);
        await InventoryApi.GetProduct(Guid.NewGuid(), db, cancellationToken);
    }
}
