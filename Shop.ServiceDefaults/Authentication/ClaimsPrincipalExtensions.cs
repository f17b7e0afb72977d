using System.Security.Claims;

namespace Shop.ServiceDefaults.Authentication;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in user's id (the token's <c>sub</c>). Only call behind an authorization policy.</summary>
    public static Guid GetUserId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return Guid.TryParse(principal.FindFirstValue(ShopClaims.Subject), out var userId)
            ? userId
            : throw new InvalidOperationException("The authenticated principal has no user id (sub) claim.");
    }

    public static bool IsAdmin(this ClaimsPrincipal principal) => principal?.IsInRole(ShopRoles.Admin) ?? false;
}
