using Shop.Inventory.Domain;

namespace Shop.UnitTests.Inventory;

/// <summary>What <see cref="Product.Create"/> accepts, each limit just inside and just outside, and how it normalizes.</summary>
public sealed class ProductCreationTests
{
    [Fact]
    public void A_new_product_is_normalized_and_has_nothing_reserved()
    {
        var product = Product.Create("shop-mug-001", "  Ceramic Coffee Mug  ", 12.90m, "eur", 10);

        Assert.Equal(7, product.Id.Version);
        Assert.Equal("SHOP-MUG-001", product.Sku);
        Assert.Equal("Ceramic Coffee Mug", product.Name);
        Assert.Equal(12.90m, product.Price);
        Assert.Equal("EUR", product.Currency);
        Assert.Equal(10, product.Available);
        Assert.Equal(0, product.Reserved);
    }

    [Fact]
    public void Every_product_gets_its_own_id() =>
        Assert.NotEqual(Create().Id, Create().Id);

    [Fact]
    public void The_sku_is_compared_upper_cased() => Assert.Equal("SHOP-MUG-001", Product.NormalizeSku("Shop-mug-001"));

    [Fact]
    public void A_missing_sku_cannot_be_normalized() =>
        Assert.Throws<ArgumentNullException>(() => Product.NormalizeSku(null!));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_blank_sku_name_or_currency_is_refused(string? blank)
    {
        Assert.ThrowsAny<ArgumentException>(() => Create(sku: blank!));
        Assert.ThrowsAny<ArgumentException>(() => Create(name: blank!));
        Assert.ThrowsAny<ArgumentException>(() => Create(currency: blank!));
    }

    [Fact]
    public void A_sku_of_the_maximum_length_is_accepted_and_one_longer_is_refused()
    {
        Assert.Equal(Product.SkuMaxLength, Create(sku: new string('S', Product.SkuMaxLength)).Sku.Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(sku: new string('S', Product.SkuMaxLength + 1)));
    }

    [Fact]
    public void A_name_of_the_maximum_length_is_accepted_and_one_longer_is_refused()
    {
        Assert.Equal(Product.NameMaxLength, Create(name: new string('n', Product.NameMaxLength)).Name.Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(name: new string('n', Product.NameMaxLength + 1)));
    }

    [Theory]
    [InlineData("EU")]
    [InlineData("EURO")]
    public void A_currency_that_is_not_three_letters_is_refused(string currency) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(currency: currency));

    [Fact]
    public void The_price_is_positive_and_at_most_the_maximum()
    {
        Assert.Equal(0.01m, Create(price: 0.01m).Price);
        Assert.Equal(Product.MaxPrice, Create(price: Product.MaxPrice).Price);
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(price: 0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(price: -1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(price: Product.MaxPrice + 0.01m));
    }

    [Fact]
    public void A_product_may_start_out_of_stock_but_not_below_zero()
    {
        Assert.Equal(0, Create(available: 0).Available);
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(available: -1));
    }

    private static Product Create(
        string sku = "SHOP-MUG-001", string name = "Mug", decimal price = 12.90m, string currency = "EUR", int available = 10) =>
        Product.Create(sku, name, price, currency, available);
}
