using Shop.Orders.Domain;
using Shop.ServiceDefaults.Http;

namespace Shop.Orders.Application;

/// <summary>How a request to place an order ended; the API turns each outcome into its HTTP answer.</summary>
public sealed record PlaceOrderResult(PlaceOrderOutcome Outcome, Order? Order = null, ValidationErrors? Errors = null)
{
    public static PlaceOrderResult Placed(Order order) => new(PlaceOrderOutcome.Placed, order);

    public static PlaceOrderResult Invalid(ValidationErrors errors) => new(PlaceOrderOutcome.Invalid, Errors: errors);

    public static PlaceOrderResult InventoryUnavailable { get; } = new(PlaceOrderOutcome.InventoryUnavailable);

    public static PlaceOrderResult IdempotencyKeyReused { get; } = new(PlaceOrderOutcome.IdempotencyKeyReused);

    public static PlaceOrderResult IdempotencyKeyInFlight { get; } = new(PlaceOrderOutcome.IdempotencyKeyInFlight);
}

public enum PlaceOrderOutcome
{
    /// <summary>Accepted now, or earlier with the same Idempotency-Key and the same request (a replay).</summary>
    Placed,

    /// <summary>Products that do not exist, mixed currencies or a total too large: nothing was ordered.</summary>
    Invalid,

    /// <summary>Prices could not be read; nothing was ordered.</summary>
    InventoryUnavailable,

    /// <summary>The Idempotency-Key was used for a different request.</summary>
    IdempotencyKeyReused,

    /// <summary>A concurrent request with the same Idempotency-Key is placing the order.</summary>
    IdempotencyKeyInFlight,
}
