using Shop.Inventory.Domain;
using Shop.ServiceDefaults.Http;

namespace Shop.Inventory.Apis;

/// <summary>The request-side check of an <c>available</c> quantity, shared by create and stock update.</summary>
internal static class StockRules
{
    public static void ValidateAvailable(int? available, ValidationErrors errors)
    {
        if (available is not { } quantity)
        {
            errors.Add("available", "available is required.");
            return;
        }

        errors.Require(
            quantity is >= 0 and <= Product.MaxQuantity,
            "available",
            $"available must be between 0 and {Product.MaxQuantity}.");
    }
}
