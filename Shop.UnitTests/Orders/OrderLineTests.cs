using Shop.Orders.Domain;

namespace Shop.UnitTests.Orders;

public sealed class OrderLineTests
{
    private static readonly Guid Mug = new("0190a000-0000-7000-8000-000000000001");

    [Fact]
    public void A_line_keeps_what_inventory_quoted_and_totals_price_times_quantity()
    {
        var line = new OrderLine(3, Mug, "Mug", 12.50m, 4);

        Assert.Equal(3, line.LineNumber);
        Assert.Equal(Mug, line.ProductId);
        Assert.Equal("Mug", line.Name);
        Assert.Equal(12.50m, line.UnitPrice);
        Assert.Equal(4, line.Quantity);
        Assert.Equal(50.00m, line.LineTotal);
    }

    [Fact]
    public void The_first_line_is_number_zero_and_a_negative_number_is_refused()
    {
        Assert.Equal(0, new OrderLine(0, Mug, "Mug", 1m, 1).LineNumber);
        Assert.Throws<ArgumentOutOfRangeException>(() => new OrderLine(-1, Mug, "Mug", 1m, 1));
    }

    [Fact]
    public void A_free_product_is_accepted_and_a_negative_price_is_refused()
    {
        Assert.Equal(0m, new OrderLine(0, Mug, "Mug", 0m, 2).LineTotal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new OrderLine(0, Mug, "Mug", -0.01m, 1));
    }

    [Fact]
    public void One_unit_is_the_least_quantity()
    {
        Assert.Equal(1, new OrderLine(0, Mug, "Mug", 1m, 1).Quantity);
        Assert.Throws<ArgumentOutOfRangeException>(() => new OrderLine(0, Mug, "Mug", 1m, 0));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_blank_name_is_refused(string? name) =>
        Assert.ThrowsAny<ArgumentException>(() => new OrderLine(0, Mug, name!, 1m, 1));
}
