using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
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
/// order and a page of orders, validating and pricing an order request, storing an order with its OrderPlaced and
/// reading it back in a transaction that is rolled back, and writing both answers' JSON; then placing an order of a
/// product that does not exist (the Idempotency-Key lookup and inventory's price lookup, refused before anything is
/// stored), and reading a product's JSON. Nothing stays behind.
/// </summary>
internal sealed class OrdersWarmUp(
    OrdersDbContext db,
    OrderPlacement placement,
    DependencyProbe dependencies,
    IOptions<JsonOptions> json) : IWarmUp
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
        var validated = request.Validate(idempotencyKey, new ValidationErrors())
            ?? throw new InvalidOperationException("The warm-up order is not a valid request.");

        await StoreAndRollBackAsync(customer, validated, idempotencyKey, cancellationToken);

        // Orders' one call to another service (its client, resilience pipeline and connection), once every inventory
        // instance is ready: one still migrating would answer 503, retried and logged as a failed attempt.
        await dependencies.WaitUntilEveryInstanceAnswersAsync(new Uri(InventoryClientExtensions.ServiceAddress, Extensions.HealthEndpointPath), cancellationToken);
        var refused = await placement.PlaceAsync(customerId, validated, idempotencyKey, cancellationToken);
        if (refused.Outcome != PlaceOrderOutcome.Invalid)
        {
            throw new InvalidOperationException($"Placing an order of an unknown product ended {refused.Outcome}, not Invalid.");
        }

        JsonSerializer.Deserialize<InventoryProduct>(
            $$"""{"id":"{{Guid.NewGuid()}}","name":"Warm-up","price":1.0,"currency":"EUR"}""", JsonSerializerOptions.Web);
    }

    private async Task StoreAndRollBackAsync(ClaimsPrincipal customer, OrderRequest validated, string idempotencyKey, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var product = new InventoryProduct(validated.Lines[0].ProductId, "Warm-up", 1m, "EUR");
        var priced = OrderPricing.Price(validated, new Dictionary<Guid, InventoryProduct?> { [product.Id] = product }, errors)
            ?? throw new InvalidOperationException("The warm-up order cannot be priced.");

        await db.InTransactionAsync(async (transaction, token) =>
        {
            var order = placement.Add(customer.GetUserId(), validated, priced, idempotencyKey, OrderRequestFingerprint.Compute(validated));
            await db.SaveChangesAsync(token);
            // Read back as GET /api/v1/orders/{id} does: the first order found, not only the first looked for.
            await OrdersApi.GetOrder(order.Id, customer, db, token);
            JsonSerializer.Serialize(PlacedOrderResponse.From(order), json.Value.SerializerOptions);
            JsonSerializer.Serialize(OrderResponse.From(order), json.Value.SerializerOptions);
            await transaction.RollbackAsync(token);
            return true;
        }, ct);
        db.ChangeTracker.Clear();
    }
}
