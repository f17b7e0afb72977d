using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shop.EventBus.Outbox;
using Shop.IntegrationEvents;
using Shop.ServiceDefaults.Authentication;
using Shop.Users.Data;
using Shop.Users.Domain;
using Shop.ServiceDefaults.WarmUp;

namespace Shop.Users.Apis;

public static class UsersApi
{
    /// <summary>
    /// Each route's path once before users reports ready, changing nothing: a registration refused by validation, a
    /// sign-in with an unknown email (which verifies a password like any other), and a signed-in customer who has no account.
    /// </summary>
    public static IReadOnlyList<SelfRequest> WarmUpRequests { get; } =
    [
        new("POST", "/api/v1/users", StatusCodes.Status400BadRequest) { JsonBody = """{"email":"","password":"","displayName":""}""" },
        new("POST", "/api/v1/auth/token", StatusCodes.Status401Unauthorized) { JsonBody = """{"email":"warm-up-{random}@example.invalid","password":"warm-up"}""" },
        new("GET", "/api/v1/users/me", StatusCodes.Status404NotFound) { SignedIn = true },
    ];

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder routes)
    {
        var users = routes.MapGroup("/api/v1/users").WithTags("Users");

        users.MapPost("/", RegisterAsync).AllowAnonymous().WithName("RegisterUser")
            .ProducesProblem(StatusCodes.Status409Conflict);
        users.MapGet("/me", GetMeAsync).RequireAuthorization().WithName("GetCurrentUser")
            .ProducesProblem(StatusCodes.Status404NotFound);
        users.MapGet("/{id:guid}", GetByIdAsync).RequireAuthorization().WithName("GetUser")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return routes;
    }

    public static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterUserRequest request,
        UsersDbContext db,
        IOutbox outbox,
        IPasswordHasher<User> passwordHasher,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = Registration.Validate(request);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var email = request.Email!.Trim();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == User.Normalize(email), cancellationToken))
        {
            return EmailTaken();
        }

        var user = User.Register(email, request.DisplayName!.Trim(), ShopRoles.Customer, time.GetUtcNow());
        user.SetPasswordHash(passwordHasher.HashPassword(user, request.Password!));
        db.Users.Add(user);
        outbox.Add(new UserRegistered(user.Id, user.Email, user.DisplayName));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return EmailTaken();
        }

        return TypedResults.Created($"/api/v1/users/{user.Id}", ToResponse(user));
    }

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetMeAsync(
        ClaimsPrincipal principal,
        UsersDbContext db,
        CancellationToken cancellationToken) =>
        await FindAsync(db, principal.GetUserId(), cancellationToken) is { } user
            ? TypedResults.Ok(ToResponse(user))
            : NotFound();

    /// <summary>The account itself or an admin; anyone else learns nothing, not even that the id exists.</summary>
    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetByIdAsync(
        Guid id,
        ClaimsPrincipal principal,
        UsersDbContext db,
        CancellationToken cancellationToken) =>
        (principal.IsAdmin() || principal.GetUserId() == id) && await FindAsync(db, id, cancellationToken) is { } user
            ? TypedResults.Ok(ToResponse(user))
            : NotFound();

    private static Task<User?> FindAsync(UsersDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);

    private static UserResponse ToResponse(User user) => new(user.Id, user.Email, user.DisplayName, user.Role);

    private static ProblemHttpResult EmailTaken() => TypedResults.Problem(
        title: "Email already registered",
        detail: "An account with this email address already exists.",
        statusCode: StatusCodes.Status409Conflict);

    private static ProblemHttpResult NotFound() => TypedResults.Problem(title: "User not found", statusCode: StatusCodes.Status404NotFound);
}
