using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Shop.Inventory.Domain;
using Shop.ServiceDefaults.OpenApi;

namespace Shop.Inventory.Apis;

/// <summary>The inventory API's validation rules in its OpenAPI document, from the constants its requests check.</summary>
internal static class InventoryOpenApi
{
    public static void Constrain(OpenApiOptions options)
    {
        options.ConstrainProperty<CreateProductRequest>("sku", OpenApiConstraints.Matching(CreateProductRequest.SkuPatternText));
        options.ConstrainProperty<CreateProductRequest>("name", OpenApiConstraints.Length(1, Product.NameMaxLength));
        options.ConstrainProperty<CreateProductRequest>("currency", OpenApiConstraints.Matching(CreateProductRequest.CurrencyPatternText));
        options.ConstrainProperty<CreateProductRequest>("price", schema =>
        {
            schema.ExclusiveMinimum = "0";
            schema.Maximum = Product.MaxPrice.ToString(CultureInfo.InvariantCulture);
            schema.MultipleOf = CreateProductRequest.PriceStep;
        });
        options.ConstrainProperty<CreateProductRequest>("available", OpenApiConstraints.Between(0, Product.MaxQuantity));
        options.ConstrainProperty<UpdateStockRequest>("available", OpenApiConstraints.Between(0, Product.MaxQuantity));
    }
}
