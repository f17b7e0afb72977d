using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Shop.Payments.Data;
using Shop.ServiceDefaults.Authentication;
using Shop.ServiceDefaults.Http;
using Shop.ServiceDefaults.WarmUp;

namespace Shop.Payments.Apis;

public static class PaymentsApi
{
    public const string OrderIdParameter = "orderId";

    /// <summary>The read route once before payments reports ready, for an order no one placed.</summary>
    public static IReadOnlyList<SelfRequest> WarmUpRequests { get; } =
    [
        new("GET", "/api/v1/payments?orderId={random}", StatusCodes.Status200OK) { SignedIn = true },
    ];

    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var payments = endpoints.MapGroup("/api/v1/payments")
            .WithTags("Payments")
            .RequireAuthorization();

        payments.MapGet("", GetPaymentsAsync)
            .WithName("GetPayments")
            .WithSummary("An order's payments, oldest first: a customer sees their own, an admin every one.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        return endpoints;
    }

    /// <remarks><paramref name="orderId"/> is bound as text so a missing or garbled id is a named validation error.</remarks>
    public static async Task<Results<Ok<List<PaymentResponse>>, ValidationProblem>> GetPaymentsAsync(
        string? orderId, ClaimsPrincipal user, PaymentsDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (!Guid.TryParse(orderId, CultureInfo.InvariantCulture, out var id))
        {
            errors.Add(OrderIdParameter, $"{OrderIdParameter} is required and must be a GUID.");
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        // A customer sees only their own payments: another customer's order answers exactly like an unknown one
        // (an empty list), so neither its existence nor its payments are revealed.
        var (userId, admin) = (user.GetUserId(), user.IsAdmin());
        var rows = await db.Payments.AsNoTracking()
            .Where(payment => payment.OrderId == id && (admin || payment.UserId == userId))
            .OrderBy(payment => payment.CreatedAt).ThenBy(payment => payment.Id)
            .ToListAsync(ct);

        return TypedResults.Ok(rows.ConvertAll(PaymentResponse.From));
    }
}
