using Shop.ServiceDefaults.Authentication;
using Shop.Users.Tokens;

namespace Shop.Users.Apis;

/// <summary>
/// The OpenID metadata and JWKS that every other service validates tokens with. Internal: the gateway routes only
/// <c>/api/v1/**</c> and the OpenAPI documents, so these are reachable inside the system only.
/// </summary>
public static class SigningKeysApi
{
    public static IEndpointRouteBuilder MapSigningKeysApi(this IEndpointRouteBuilder routes)
    {
        var wellKnown = routes.MapGroup("/.well-known").AllowAnonymous().ExcludeFromDescription();

        wellKnown.MapGet("/openid-configuration", (HttpRequest request) => TypedResults.Ok(new Dictionary<string, object>
        {
            ["issuer"] = ShopTokens.Issuer,
            ["jwks_uri"] = $"{request.Scheme}://{request.Host}/.well-known/jwks.json",
            ["id_token_signing_alg_values_supported"] = new[] { ShopTokens.SigningAlgorithm },
        }));

        wellKnown.MapGet("/jwks.json", (TokenSigningKey key) => TypedResults.Ok(new
        {
            keys = new[]
            {
                new { kty = key.PublicJsonWebKey.Kty, use = key.PublicJsonWebKey.Use, alg = key.PublicJsonWebKey.Alg, kid = key.PublicJsonWebKey.Kid, n = key.PublicJsonWebKey.N, e = key.PublicJsonWebKey.E },
            },
        }));

        return routes;
    }
}
