using System.Text.RegularExpressions;
using Shop.Inventory.Domain;
using Shop.ServiceDefaults.Http;

namespace Shop.Inventory.Apis;

public sealed partial record CreateProductRequest(string? Sku, string? Name, decimal? Price, string? Currency, int? Available)
{
    // \z, not $: $ would also accept a trailing newline.
    public const string SkuPatternText = @"^[A-Za-z0-9_-]{1,64}\z";
    public const string CurrencyPatternText = @"^[A-Z]{3}\z";

    /// <summary>Prices are in the currency's minor unit: at most 2 decimals.</summary>
    public const decimal PriceStep = 0.01m;

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();

        if (string.IsNullOrEmpty(Sku))
        {
            errors.Add("sku", "sku is required.");
        }
        else
        {
            errors.Require(
                SkuPattern().IsMatch(Sku),
                "sku",
                $"sku must be 1 to {Product.SkuMaxLength} letters, digits, dashes or underscores.");
        }

        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("name", "name is required.");
        }
        else
        {
            errors.Require(name.Length <= Product.NameMaxLength, "name", $"name must be at most {Product.NameMaxLength} characters.");
        }

        if (Price is not { } price)
        {
            errors.Add("price", "price is required.");
        }
        else
        {
            errors.Require(price > 0, "price", "price must be greater than 0.");
            errors.Require(price <= Product.MaxPrice, "price", $"price must be at most {Product.MaxPrice:0}.");
            errors.Require(price % PriceStep == 0, "price", "price must have at most 2 decimals.");
        }

        if (string.IsNullOrEmpty(Currency))
        {
            errors.Add("currency", "currency is required.");
        }
        else
        {
            errors.Require(CurrencyPattern().IsMatch(Currency), "currency", "currency must be 3 uppercase letters (ISO 4217), e.g. EUR.");
        }

        StockRules.ValidateAvailable(Available, errors);
        return errors;
    }

    [GeneratedRegex(SkuPatternText, RegexOptions.CultureInvariant)]
    private static partial Regex SkuPattern();

    [GeneratedRegex(CurrencyPatternText, RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyPattern();
}
