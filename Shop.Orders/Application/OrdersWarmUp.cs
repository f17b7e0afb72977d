using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Shop.Orders.Apis;
using Shop.Orders.Data;
using Shop.Orders.Domain;
using Shop.Orders.Infrastructure;
using Shop.ServiceDefaults.Authentication;
using Shop.ServiceDefaults.Http;
using Shop.ServiceDefaults.WarmUp;

namespace Shop.Orders.Application;

/// <summary>
/// The order routes' own code, run once before orders reports ready, for a customer that does not exist: reading an
/// order and a page of orders, the Idempotency-Key lookup, validating and pricing an order request, and storing an
/// order with its OrderPlaced in a transaction that is rolled back. Nothing stays behind. Inventory's price lookup is
/// left to the first order: inventory may still be starting, and its 503s would be logged as failed attempts.
/// </summary>
internal sealed class OrdersWarmUp(OrdersDbContext db, OrderPlacement placement) : IWarmUp
{
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        var customerId = Guid.NewGuid();
        var customer = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ShopClaims.Subject, customerId.ToString()), new Claim(ShopClaims.Role, ShopRoles.Customer)],
            authenticationType: "warm-up", ShopClaims.Subject, ShopClaims.Role));

        await OrdersApi.GetOrder(Guid.NewGuid(), customer, db, cancellationToken);
        await OrdersApi.ListOrders(page: 1, pageSize: 10, customer, db, cancellationToken);

        var request = new PlaceOrderRequest([new PlaceOrderLine(Guid.NewGuid(), 1)], "tok_visa");
        var idempotencyKey = $"warm-up-{Guid.NewGuid():N}";
        await placement.FindByIdempotencyKeyAsync(customerId, idempotencyKey, cancellationToken);

        await StoreAndRollBackAsync(customerId, request, idempotencyKey, cancellationToken);
    }

    private async Task StoreAndRollBackAsync(Guid customerId, PlaceOrderRequest request, string idempotencyKey, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var validated = request.Validate(idempotencyKey, errors)
            ?? throw new InvalidOperationException("The warm-up order is not a valid request.");
        var product = new InventoryProduct(validated.Lines[0].ProductId, "Warm-up", 1m, "EUR");
        var priced = OrderPricing.Price(validated, new Dictionary<Guid, InventoryProduct?> { [product.Id] = product }, errors)
            ?? throw new InvalidOperationException("The warm-up order cannot be priced.");

        await db.InTransactionAsync(async (transaction, token) =>
        {
            placement.Add(customerId, validated, priced, idempotencyKey, OrderRequestFingerprint.Compute(validated));
            await db.SaveChangesAsync(token);
            await transaction.RollbackAsync(token);
            return true;
        }, ct);
        db.ChangeTracker.Clear();
    }
}
