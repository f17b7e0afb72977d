namespace Shop.Orders.Domain;

/// <summary>An order was asked to move to a status its current status does not lead to.</summary>
public sealed class InvalidOrderTransitionException : InvalidOperationException
{
    public InvalidOrderTransitionException(OrderStatus from, OrderStatus to)
        : base(from == to ? $"The order is already {from}." : $"An order that is {from} cannot become {to}.")
    {
        From = from;
        To = to;
    }

    public OrderStatus From { get; }

    public OrderStatus To { get; }
}
