using System.Text.RegularExpressions;
using Shop.Inventory.Domain;
using Shop.ServiceDefaults.Http;

namespace Shop.Inventory.Apis;

public sealed partial record CreateProductRequest(string? Sku, string? Name, decimal? Price, string? Currency, int? Available)
{
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
            errors.Require(decimal.Round(price, 2) == price, "price", "price must have at most 2 decimals.");
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

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex SkuPattern();

    [GeneratedRegex("^[A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyPattern();
}
