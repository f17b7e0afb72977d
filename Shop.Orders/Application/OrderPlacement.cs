using Microsoft.EntityFrameworkCore;
using Shop.EventBus.Outbox;
using Shop.Orders.Data;
using Shop.Orders.Domain;
using Shop.Orders.Infrastructure;
using Shop.ServiceDefaults.Http;

namespace Shop.Orders.Application;

/// <summary>
/// Places a customer's validated order request: answers a retried Idempotency-Key from the database, prices the lines
/// with inventory's current prices, and stores the order together with its OrderPlaced event, which starts the saga.
/// </summary>
public sealed class OrderPlacement(OrdersDbContext db, IOutbox outbox, InventoryClient inventory, TimeProvider time)
{
    public async Task<PlaceOrderResult> PlaceAsync(
        Guid userId, OrderRequest request, string? idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);

        var requestHash = OrderRequestFingerprint.Compute(request);

        // A retry of an order already placed is answered from the database, without asking inventory again.
        if (idempotencyKey is not null && await FindByIdempotencyKeyAsync(userId, idempotencyKey, ct) is { } earlier)
        {
            return Replay(earlier, requestHash);
        }

        IReadOnlyDictionary<Guid, InventoryProduct?> products;
        try
        {
            products = await inventory.GetProductsAsync([.. request.Lines.Select(line => line.ProductId)], ct);
        }
        catch (InventoryUnavailableException)
        {
            return PlaceOrderResult.InventoryUnavailable;
        }

        var errors = new ValidationErrors();
        if (OrderPricing.Price(request, products, errors) is not { } priced)
        {
            return PlaceOrderResult.Invalid(errors);
        }

        var order = Add(userId, request, priced, idempotencyKey, requestHash);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation(OrderConfiguration.IdempotencyKeyIndex))
        {
            // A concurrent request with the same key placed its order first; this one is its replay.
            db.ChangeTracker.Clear();
            var winner = await FindByIdempotencyKeyAsync(userId, idempotencyKey!, ct);
            return winner is null ? PlaceOrderResult.IdempotencyKeyInFlight : Replay(winner, requestHash);
        }

        return PlaceOrderResult.Placed(order);
    }

    /// <summary>
    /// A priced order and its OrderPlaced, added to the unit of work together: once saved, an accepted order always has
    /// the event that starts the saga.
    /// </summary>
    internal Order Add(Guid userId, OrderRequest request, PricedLines priced, string? idempotencyKey, string requestHash)
    {
        var order = Order.Place(userId, priced.Lines, priced.Currency, request.PaymentToken, idempotencyKey, requestHash, time.GetUtcNow());
        db.Orders.Add(order);
        outbox.Add(OrderIntegrationEvents.Placed(order));
        return order;
    }

    internal Task<Order?> FindByIdempotencyKeyAsync(Guid userId, string idempotencyKey, CancellationToken ct) =>
        db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.UserId == userId && o.IdempotencyKey == idempotencyKey, ct);

    /// <summary>The same key with the same request gets the same order back; with another request it is refused.</summary>
    private static PlaceOrderResult Replay(Order earlier, string requestHash) =>
        string.Equals(earlier.RequestHash, requestHash, StringComparison.Ordinal)
            ? PlaceOrderResult.Placed(earlier)
            : PlaceOrderResult.IdempotencyKeyReused;
}
