namespace Shop.Orders.Domain;

/// <summary>Where an order is in its life; <see cref="Confirmed"/> and <see cref="Cancelled"/> are final.</summary>
public enum OrderStatus
{
    Pending,
    StockReserved,
    Confirmed,
    Cancelled,
}
