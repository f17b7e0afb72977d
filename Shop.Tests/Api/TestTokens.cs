using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Shop.Tests.Api;

/// <summary>
/// Access tokens a test mints itself, with a real token's issuer, audience and claims: signed by the app's own key
/// (which the test app sets through the <c>jwt-signing-key</c> parameter) but expired, or fresh but signed by another key.
/// </summary>
internal static class TestTokens
{
    /// <summary>A new key, as the AppHost's <c>jwt-signing-key</c> parameter expects it (base64 PKCS#8).</summary>
    public static string NewSigningKey()
    {
        using var rsa = RSA.Create(2048);
        return Convert.ToBase64String(rsa.ExportPkcs8PrivateKey());
    }

    /// <summary>Signed with the app's key, with the key id its JWKS publishes; valid until <paramref name="expires"/>.</summary>
    public static string SignedWithAppKey(string signingKey, Actor actor, DateTime expires)
    {
        using var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(signingKey), out _);
        var key = new RsaSecurityKey(rsa);
        key.KeyId = Base64UrlEncoder.Encode(new RsaSecurityKey(rsa.ExportParameters(false)).ComputeJwkThumbprint());

        // The same key id every time: a cached signature provider would hold the RSA instance disposed last time.
        key.CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false };

        return Create(key, actor, "customer", notBefore: expires.AddHours(-1), expires: expires);
    }

    /// <summary>Valid in every way but the key: an attacker's own, claiming <paramref name="role"/>.</summary>
    public static string SignedByAnotherKey(Actor actor, string role = "customer")
    {
        using var rsa = RSA.Create(2048);
        var now = DateTime.UtcNow;
        return Create(new RsaSecurityKey(rsa) { KeyId = "forged" }, actor, role, notBefore: now.AddMinutes(-1), expires: now.AddMinutes(10));
    }

    private static string Create(SecurityKey key, Actor actor, string role, DateTime notBefore, DateTime expires) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "shop-users",
            Audience = "shop",
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            Claims = new Dictionary<string, object> { ["sub"] = actor.Id.ToString(), ["email"] = actor.Email, ["role"] = role },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
}
