using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shop.EventBus.Outbox;
using Shop.Orders.Application;
using Shop.Orders.Data;
using Shop.Orders.Domain;
using Shop.ServiceDefaults.Authentication;
using Shop.ServiceDefaults.Http;
using Shop.ServiceDefaults.WarmUp;

namespace Shop.Orders.Apis;

public static class OrdersApi
{
    private const int MaxCancelAttempts = 3;

    private const string InventoryRetryAfterSeconds = "5";

    /// <summary>
    /// Each route's path once before orders reports ready, as a customer who owns nothing: an order that does not exist,
    /// an empty page, and an order refused by validation (a quantity of 0), which stores nothing and asks inventory nothing.
    /// </summary>
    public static IReadOnlyList<SelfRequest> WarmUpRequests { get; } =
    [
        new("GET", "/api/v1/orders/{random}", StatusCodes.Status404NotFound) { SignedIn = true },
        new("GET", "/api/v1/orders?page=1&pageSize=10", StatusCodes.Status200OK) { SignedIn = true },
        new("POST", "/api/v1/orders", StatusCodes.Status400BadRequest)
        {
            SignedIn = true,
            Headers = new Dictionary<string, string> { [PlaceOrderRequest.IdempotencyKeyHeader] = "warm-up-{random}" },
            JsonBody = """{"items":[{"productId":"{random}","quantity":0}],"paymentToken":"tok_visa"}""",
        },
    ];

    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var orders = endpoints.MapGroup("/api/v1/orders").WithTags("Orders");

        orders.MapPost("", PlaceOrder)
            .WithName("PlaceOrder")
            .ProducesProblem(StatusCodes.Status409Conflict)
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
        OrderPlacement placement,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if ((request ?? new PlaceOrderRequest(null, null)).Validate(idempotencyKey, errors) is not { } validated)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var result = await placement.PlaceAsync(user.GetUserId(), validated, idempotencyKey, cancellationToken);
        switch (result.Outcome)
        {
            case PlaceOrderOutcome.Placed:
                return TypedResults.Accepted(OrderLocation(result.Order!.Id), PlacedOrderResponse.From(result.Order));
            case PlaceOrderOutcome.Invalid:
                return TypedResults.ValidationProblem(result.Errors!.ToDictionary());
            case PlaceOrderOutcome.InventoryUnavailable:
                response.Headers.RetryAfter = InventoryRetryAfterSeconds;
                return TypedResults.Problem(
                    title: "Inventory is unavailable",
                    detail: "Product prices cannot be read right now; nothing was ordered. Try again shortly.",
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            case PlaceOrderOutcome.IdempotencyKeyReused:
                return TypedResults.Problem(
                    title: "Idempotency-Key reused",
                    detail: "This Idempotency-Key was already used for a different order request. Use a new key for a new order.",
                    statusCode: StatusCodes.Status422UnprocessableEntity);
            case PlaceOrderOutcome.IdempotencyKeyInFlight:
                return TypedResults.Problem(
                    title: "Order is being placed",
                    detail: "Another request with this Idempotency-Key is placing the order; try again shortly.",
                    statusCode: StatusCodes.Status409Conflict);
            default:
                throw new InvalidOperationException($"Unknown outcome {result.Outcome}.");
        }
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

    internal static Task<Results<Accepted<OrderResponse>, ProblemHttpResult>> CancelOrder(
        Guid id,
        ClaimsPrincipal user,
        OrdersDbContext db,
        IOutbox outbox,
        OrderMetrics metrics,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var userId = user.GetUserId();

        // A cancel that loses a race (e.g. to a saga step) reads the order again and tries again.
        return db.RetryOnConcurrencyConflictAsync<Results<Accepted<OrderResponse>, ProblemHttpResult>>(
            MaxCancelAttempts,
            async ct =>
            {
                var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == id && o.UserId == userId, ct);
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
                await db.SaveChangesAsync(ct);
                if (wasInProgress)
                {
                    metrics.Completed(order);
                }

                return TypedResults.Accepted(OrderLocation(order.Id), OrderResponse.From(order));
            },
            () => TypedResults.Problem(
                title: "Order is changing",
                detail: "The order kept changing while it was being cancelled; fetch it and try again.",
                statusCode: StatusCodes.Status409Conflict),
            cancellationToken);
    }

    private static ProblemHttpResult OrderNotFound(Guid id) => TypedResults.Problem(
        title: "Order not found",
        detail: $"There is no order with id {id}.",
        statusCode: StatusCodes.Status404NotFound);

    private static string OrderLocation(Guid id) => $"/api/v1/orders/{id}";
}
