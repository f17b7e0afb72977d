namespace Shop.Inventory.Domain;

/// <summary>
/// What inventory did for an order: Reserved (held), then Sold (order confirmed) or Released (order cancelled);
/// Sold can become Returned (a confirmed order cancelled). Rejected: not enough stock, nothing held.
/// </summary>
public enum ReservationStatus
{
    Reserved,
    Rejected,
    Sold,
    Released,
    Returned,
}
