using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shop.ServiceDefaults.Http;
using Shop.Users.Data;
using Shop.Users.Domain;
using Shop.Users.Tokens;

namespace Shop.Users.Apis;

public static class AuthApi
{
    // Verified when the email is unknown, so a wrong email costs as much time as a wrong password.
    private static readonly string UnknownUserHash = new PasswordHasher<User>().HashPassword(null!, "no such user");

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/v1/auth").WithTags("Authentication")
            .MapPost("/token", IssueTokenAsync).AllowAnonymous().WithName("IssueToken")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        return routes;
    }

    public static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest request,
        UsersDbContext db,
        IPasswordHasher<User> passwordHasher,
        TokenIssuer tokens,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Require(!string.IsNullOrWhiteSpace(request.Email), "email", "The email is required.");
        errors.Require(!string.IsNullOrEmpty(request.Password), "password", "The password is required.");
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var normalizedEmail = User.Normalize(request.Email!);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == normalizedEmail, cancellationToken);
        var verification = passwordHasher.VerifyHashedPassword(user!, user?.PasswordHash ?? UnknownUserHash, request.Password!);
        if (user is null || verification == PasswordVerificationResult.Failed)
        {
            // One message for an unknown email and a wrong password: the endpoint must not reveal which accounts exist.
            return TypedResults.Problem(
                title: "Invalid credentials",
                detail: "The email or password is incorrect.",
                statusCode: StatusCodes.Status401Unauthorized);
        }

        var issued = tokens.Issue(user);
        return TypedResults.Ok(new TokenResponse(issued.AccessToken, "Bearer", issued.ExpiresInSeconds));
    }
}
