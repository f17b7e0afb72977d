using Shop.Inventory.Domain;

namespace Shop.UnitTests.Inventory;

public sealed class ProductStockTests
{
    private static Product Mug(int available = 10) => Product.Create("shop-mug-001", "Ceramic Coffee Mug", 12.90m, "EUR", available);

    [Fact]
    public void A_new_product_has_nothing_reserved_and_an_upper_cased_sku()
    {
        var product = Mug();

        Assert.Equal("SHOP-MUG-001", product.Sku);
        Assert.Equal(10, product.Available);
        Assert.Equal(0, product.Reserved);
    }

    [Fact]
    public void Reserving_within_available_moves_units_to_reserved()
    {
        var product = Mug();

        Assert.True(product.Reserve(4));

        Assert.Equal(6, product.Available);
        Assert.Equal(4, product.Reserved);
    }

    [Fact]
    public void Reserving_exactly_what_is_available_leaves_nothing_available()
    {
        var product = Mug();

        Assert.True(product.Reserve(10));

        Assert.Equal(0, product.Available);
        Assert.Equal(10, product.Reserved);
    }

    [Fact]
    public void Reserving_more_than_available_is_refused_and_changes_nothing()
    {
        var product = Mug();

        Assert.False(product.Reserve(11));

        Assert.Equal(10, product.Available);
        Assert.Equal(0, product.Reserved);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Reserving_a_non_positive_quantity_is_an_error(int quantity) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Mug().Reserve(quantity));

    [Fact]
    public void Releasing_returns_reserved_units_to_available()
    {
        var product = Mug();
        product.Reserve(4);

        product.Release(3);

        Assert.Equal(9, product.Available);
        Assert.Equal(1, product.Reserved);
    }

    [Fact]
    public void Releasing_more_than_reserved_is_an_error_and_changes_nothing()
    {
        var product = Mug();
        product.Reserve(2);

        Assert.Throws<InvalidOperationException>(() => product.Release(3));

        Assert.Equal(8, product.Available);
        Assert.Equal(2, product.Reserved);
    }

    [Fact]
    public void Setting_available_replaces_the_free_quantity_and_keeps_reservations()
    {
        var product = Mug();
        product.Reserve(2);

        product.SetAvailable(0);

        Assert.Equal(0, product.Available);
        Assert.Equal(2, product.Reserved);
    }

    [Fact]
    public void Setting_available_to_a_negative_quantity_is_an_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Mug().SetAvailable(-1));

    [Fact]
    public void Releasing_all_reserved_units_leaves_none_reserved()
    {
        var product = Mug();
        product.Reserve(4);

        product.Release(4);

        Assert.Equal(10, product.Available);
        Assert.Equal(0, product.Reserved);
    }

    [Fact]
    public void Releasing_more_than_reserved_says_how_many_are()
    {
        var product = Mug();
        product.Reserve(2);

        var exception = Assert.Throws<InvalidOperationException>(() => product.Release(3));

        Assert.Equal("Cannot release 3 units of SHOP-MUG-001: only 2 are reserved.", exception.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Releasing_selling_or_restocking_a_non_positive_quantity_is_an_error(int quantity)
    {
        var product = Mug();
        product.Reserve(2);

        Assert.Throws<ArgumentOutOfRangeException>(() => product.Release(quantity));
        Assert.Throws<ArgumentOutOfRangeException>(() => product.Sell(quantity));
        Assert.Throws<ArgumentOutOfRangeException>(() => product.Restock(quantity));
        Assert.Equal(8, product.Available);
        Assert.Equal(2, product.Reserved);
    }

    [Fact]
    public void Selling_takes_reserved_units_out_of_the_stock()
    {
        var product = Mug();
        product.Reserve(4);

        product.Sell(3);

        Assert.Equal(6, product.Available);
        Assert.Equal(1, product.Reserved);
    }

    [Fact]
    public void Selling_all_reserved_units_leaves_none_reserved()
    {
        var product = Mug();
        product.Reserve(4);

        product.Sell(4);

        Assert.Equal(6, product.Available);
        Assert.Equal(0, product.Reserved);
    }

    [Fact]
    public void Selling_more_than_reserved_is_an_error_that_says_how_many_are_and_changes_nothing()
    {
        var product = Mug();
        product.Reserve(2);

        var exception = Assert.Throws<InvalidOperationException>(() => product.Sell(3));

        Assert.Equal("Cannot sell 3 units of SHOP-MUG-001: only 2 are reserved.", exception.Message);
        Assert.Equal(8, product.Available);
        Assert.Equal(2, product.Reserved);
    }

    [Fact]
    public void Restocking_makes_sold_units_available_again()
    {
        var product = Mug();
        product.Reserve(4);
        product.Sell(4);

        product.Restock(3);

        Assert.Equal(9, product.Available);
        Assert.Equal(0, product.Reserved);
    }
}
