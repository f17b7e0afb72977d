using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Shop.Notifications.Data;
using Shop.ServiceDefaults.Authentication;
using Shop.ServiceDefaults.Http;
using Shop.ServiceDefaults.WarmUp;

namespace Shop.Notifications.Apis;

public static class NotificationsApi
{
    /// <summary>The read route once before notifications reports ready, for a customer who has none.</summary>
    public static IReadOnlyList<SelfRequest> WarmUpRequests { get; } =
    [
        new("GET", "/api/v1/notifications?page=1&pageSize=10", StatusCodes.Status200OK) { SignedIn = true },
    ];

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var notifications = endpoints.MapGroup("/api/v1/notifications")
            .WithTags("Notifications")
            .RequireAuthorization();

        notifications.MapGet("", GetMyNotificationsAsync)
            .WithName("GetMyNotifications")
            .WithSummary("The caller's notifications, newest first.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        return endpoints;
    }

    public static async Task<Results<Ok<PagedResult<NotificationResponse>>, ValidationProblem>> GetMyNotificationsAsync(
        int? page, int? pageSize, ClaimsPrincipal user, NotificationsDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = PageRequest.From(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var userId = user.GetUserId();
        var mine = db.Notifications.AsNoTracking().Where(notification => notification.UserId == userId);

        var total = await mine.CountAsync(ct);

        var items = await mine
            .OrderByDescending(notification => notification.CreatedAt).ThenByDescending(notification => notification.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(notification => new NotificationResponse(
                notification.Id, notification.Type, notification.Subject, notification.Body,
                notification.OrderId, notification.TraceId, notification.CreatedAt))
            .ToListAsync(ct);

        return TypedResults.Ok(new PagedResult<NotificationResponse>(items, paging.Page, paging.PageSize, total));
    }
}
