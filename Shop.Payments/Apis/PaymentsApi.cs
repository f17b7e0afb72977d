using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Shop.Payments.Data;
using Shop.ServiceDefaults.Authentication;
using Shop.ServiceDefaults.Http;

namespace Shop.Payments.Apis;

public static class PaymentsApi
{
    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var payments = endpoints.MapGroup("/api/v1/payments")
            .WithTags("Payments")
            .RequireAuthorization();

        payments.MapGet("", GetPaymentsAsync)
            .WithName("GetPayments")
            .WithSummary("An order's payments, oldest first; visible to the order's owner and to admins.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        return endpoints;
    }

    /// <remarks><paramref name="orderId"/> is bound as text so a missing or garbled id is a named validation error.</remarks>
    public static async Task<Results<Ok<List<PaymentResponse>>, ValidationProblem, ProblemHttpResult>> GetPaymentsAsync(
        string? orderId, ClaimsPrincipal user, PaymentsDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (!Guid.TryParse(orderId, CultureInfo.InvariantCulture, out var id))
        {
            errors.Add("orderId", "orderId is required and must be a GUID.");
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        // The owner is known from OrderPlaced (the payment request); another customer's order is reported as
        // unknown, so its existence is not revealed.
        var owner = await db.PaymentRequests.AsNoTracking()
            .Where(request => request.OrderId == id)
            .Select(request => (Guid?)request.UserId)
            .SingleOrDefaultAsync(ct);
        var rows = await db.Payments.AsNoTracking()
            .Where(payment => payment.OrderId == id)
            .OrderBy(payment => payment.CreatedAt).ThenBy(payment => payment.Id)
            .ToListAsync(ct);

        var userId = user.GetUserId();
        if (!user.IsAdmin() && ((owner is { } known && known != userId) || rows.Exists(payment => payment.UserId != userId)))
        {
            return TypedResults.Problem(
                title: "Order not found", detail: "No payments are visible for this order.", statusCode: StatusCodes.Status404NotFound);
        }

        return TypedResults.Ok(rows.ConvertAll(PaymentResponse.From));
    }
}
