using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shop.Orders.Application;
using Shop.Orders.Contracts;
using Shop.Orders.Data;
using Shop.Orders.Domain;
using Shop.Orders.Infrastructure;
using Shop.ServiceDefaults.Authentication;
using Shop.ServiceDefaults.Http;
using Shop.ServiceDefaults.Messaging.Outbox;

namespace Shop.Orders.Apis;

public static class OrdersApi
{
    // A cancel that loses an optimistic-concurrency race (e.g. to a saga step) re-reads the order and tries again.
    private const int MaxCancelAttempts = 3;

    private const string InventoryRetryAfterSeconds = "5";

    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var orders = endpoints.MapGroup("/api/v1/orders").WithTags("Orders");

        orders.MapPost("", PlaceOrder)
            .WithName("PlaceOrder")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireAuthorization(ShopPolicies.Customer);

        orders.MapGet("", ListOrders)
            .WithName("ListOrders")
            .RequireAuthorization(ShopPolicies.Customer);

        orders.MapGet("/{id:guid}", GetOrder)
            .WithName("GetOrder")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization();

        orders.MapPost("/{id:guid}/cancel", CancelOrder)
            .WithName("CancelOrder")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(ShopPolicies.Customer);

        return endpoints;
    }

    internal static async Task<Results<Accepted<PlacedOrderResponse>, ValidationProblem, ProblemHttpResult>> PlaceOrder(
        PlaceOrderRequest? request,
        [FromHeader(Name = PlaceOrderRequest.IdempotencyKeyHeader)] string? idempotencyKey,
        ClaimsPrincipal user,
        OrdersDbContext db,
        IOutbox outbox,
        InventoryClient inventory,
        TimeProvider time,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var validated = (request ?? new PlaceOrderRequest(null, null)).Validate(idempotencyKey, errors);
        if (validated is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var userId = user.GetUserId();
        var requestHash = OrderRequestFingerprint.Compute(validated);

        // A retry of an order already placed is answered from the database, without asking inventory again.
        if (idempotencyKey is not null
            && await FindByIdempotencyKeyAsync(db, userId, idempotencyKey, cancellationToken) is { } earlier)
        {
            return Replay(earlier, requestHash);
        }

        IReadOnlyDictionary<Guid, InventoryProduct?> products;
        try
        {
            products = await inventory.GetProductsAsync([.. validated.Lines.Select(line => line.ProductId)], cancellationToken);
        }
        catch (InventoryUnavailableException)
        {
            response.Headers.RetryAfter = InventoryRetryAfterSeconds;
            return TypedResults.Problem(
                title: "Inventory is unavailable",
                detail: "Product prices cannot be read right now; nothing was ordered. Try again shortly.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var priced = OrderPricing.Price(validated, products, errors);
        if (priced is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var order = Order.Place(
            userId, priced.Lines, priced.Currency, validated.PaymentToken, idempotencyKey, requestHash, time.GetUtcNow());
        db.Orders.Add(order);
        // Committed together: an accepted order always has its OrderPlaced, which starts the saga.
        outbox.Add(OrderIntegrationEvents.Placed(order));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation(OrderConfiguration.IdempotencyKeyIndex))
        {
            // A concurrent request with the same key placed its order first; this one is its replay.
            db.ChangeTracker.Clear();
            var winner = await FindByIdempotencyKeyAsync(db, userId, idempotencyKey!, cancellationToken);
            return winner is null ? IdempotencyKeyInFlight() : Replay(winner, requestHash);
        }

        return TypedResults.Accepted(OrderLocation(order.Id), PlacedOrderResponse.From(order));
    }

    internal static async Task<Results<Ok<PagedResult<OrderResponse>>, ValidationProblem>> ListOrders(
        int? page, int? pageSize, ClaimsPrincipal user, OrdersDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var request = PageRequest.From(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var userId = user.GetUserId();
        var mine = db.Orders.AsNoTracking().Where(order => order.UserId == userId);
        var total = await mine.CountAsync(cancellationToken);
        var orders = await mine
            .OrderByDescending(order => order.CreatedAt)
            .ThenBy(order => order.Id)
            .Skip(request.Skip)
            .Take(request.PageSize)
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(new PagedResult<OrderResponse>(
            [.. orders.Select(OrderResponse.From)], request.Page, request.PageSize, total));
    }

    internal static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> GetOrder(
        Guid id, ClaimsPrincipal user, OrdersDbContext db, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);

        // Someone else's order is as unknown as an order that does not exist: its existence is not disclosed.
        return order is not null && (user.IsAdmin() || order.UserId == user.GetUserId())
            ? TypedResults.Ok(OrderResponse.From(order))
            : OrderNotFound(id);
    }

    internal static async Task<Results<Accepted<OrderResponse>, ProblemHttpResult>> CancelOrder(
        Guid id,
        ClaimsPrincipal user,
        OrdersDbContext db,
        IOutbox outbox,
        OrderMetrics metrics,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var userId = user.GetUserId();
        for (var attempt = 1; ; attempt++)
        {
            var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == id && o.UserId == userId, cancellationToken);
            if (order is null)
            {
                return OrderNotFound(id);
            }

            var wasInProgress = order.Status is OrderStatus.Pending or OrderStatus.StockReserved;
            try
            {
                order.Cancel(CancellationReason.CancelledByCustomer, time.GetUtcNow());
            }
            catch (InvalidOrderTransitionException exception)
            {
                return TypedResults.Problem(
                    title: "Order cannot be cancelled",
                    detail: exception.Message,
                    statusCode: StatusCodes.Status409Conflict);
            }

            // Inventory releases or restocks, payments refunds a capture: the cancel compensates through this event.
            outbox.Add(OrderIntegrationEvents.Cancelled(order));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                if (wasInProgress)
                {
                    metrics.Completed(order);
                }

                return TypedResults.Accepted(OrderLocation(order.Id), OrderResponse.From(order));
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxCancelAttempts)
            {
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateConcurrencyException)
            {
                return TypedResults.Problem(
                    title: "Order is changing",
                    detail: "The order kept changing while it was being cancelled; fetch it and try again.",
                    statusCode: StatusCodes.Status409Conflict);
            }
        }
    }

    private static Task<Order?> FindByIdempotencyKeyAsync(
        OrdersDbContext db, Guid userId, string idempotencyKey, CancellationToken cancellationToken) =>
        db.Orders.AsNoTracking()
            .FirstOrDefaultAsync(o => o.UserId == userId && o.IdempotencyKey == idempotencyKey, cancellationToken);

    /// <summary>The same key with the same request gets the same order back; with another request it is refused.</summary>
    private static Results<Accepted<PlacedOrderResponse>, ValidationProblem, ProblemHttpResult> Replay(
        Order earlier, string requestHash) =>
        string.Equals(earlier.RequestHash, requestHash, StringComparison.Ordinal)
            ? TypedResults.Accepted(OrderLocation(earlier.Id), PlacedOrderResponse.From(earlier))
            : TypedResults.Problem(
                title: "Idempotency-Key reused",
                detail: "This Idempotency-Key was already used for a different order request. Use a new key for a new order.",
                statusCode: StatusCodes.Status422UnprocessableEntity);

    private static ProblemHttpResult IdempotencyKeyInFlight() => TypedResults.Problem(
        title: "Order is being placed",
        detail: "Another request with this Idempotency-Key is placing the order; try again shortly.",
        statusCode: StatusCodes.Status409Conflict);

    private static ProblemHttpResult OrderNotFound(Guid id) => TypedResults.Problem(
        title: "Order not found",
        detail: $"There is no order with id {id}.",
        statusCode: StatusCodes.Status404NotFound);

    private static string OrderLocation(Guid id) => $"/api/v1/orders/{id}";
}
