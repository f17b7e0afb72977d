using Shop.Orders.Domain;

namespace Shop.UnitTests.Orders;

/// <summary>The message reaches customers as a 409's detail, so its wording is part of the API.</summary>
public sealed class InvalidOrderTransitionExceptionTests
{
    [Fact]
    public void A_move_to_another_status_names_both()
    {
        var exception = new InvalidOrderTransitionException(OrderStatus.Confirmed, OrderStatus.StockReserved);

        Assert.Equal("An order that is Confirmed cannot become StockReserved.", exception.Message);
        Assert.Equal(OrderStatus.Confirmed, exception.From);
        Assert.Equal(OrderStatus.StockReserved, exception.To);
    }

    [Fact]
    public void A_move_to_the_same_status_says_the_order_already_is()
    {
        var exception = new InvalidOrderTransitionException(OrderStatus.Cancelled, OrderStatus.Cancelled);

        Assert.Equal("The order is already Cancelled.", exception.Message);
    }
}
