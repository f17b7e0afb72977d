using Shop.Inventory.Apis;

namespace Shop.UnitTests.Inventory;

public sealed class CreateProductRequestTests
{
    private static readonly CreateProductRequest Valid = new("SKU-1", "Mug", 12.50m, "EUR", 5);

    [Fact]
    public void A_complete_request_is_valid() => Assert.True(Valid.Validate().IsEmpty);

    [Theory]
    [InlineData("sku", "SKU-1\n")]
    [InlineData("currency", "EUR\n")]
    public void A_value_with_a_trailing_newline_is_refused(string field, string value)
    {
        var request = field == "sku" ? Valid with { Sku = value } : Valid with { Currency = value };

        Assert.Contains(field, request.Validate().ToDictionary().Keys);
    }

    [Theory]
    [InlineData("0.01", true)]
    [InlineData("12.5", true)]
    [InlineData("12.505", false)]
    public void A_price_has_at_most_two_decimals(string price, bool valid) =>
        Assert.Equal(valid, (Valid with { Price = decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture) }).Validate().IsEmpty);
}
