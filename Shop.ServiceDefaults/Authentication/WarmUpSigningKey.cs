using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shop.ServiceDefaults.WarmUp;

namespace Shop.ServiceDefaults.Authentication;

/// <summary>
/// A signing key made at start, whose private half never leaves this process, that the service accepts only until its
/// warm-up is done. It signs the tokens of the requests the warm-up sends the service itself, so they take a customer's
/// whole path (token validation, authorization, the route) without the users service issuing anything.
/// </summary>
internal sealed class WarmUpSigningKey(WarmUpRunner warmUp) : IDisposable
{
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(1);

    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = $"warm-up-{Guid.NewGuid():N}" };

    /// <summary>
    /// Read on every validation (JwtBearer clones the parameters, not the keys): this key while the warm-up runs, none
    /// after, so a token it signed is worthless once the service is ready.
    /// </summary>
    public IEnumerable<SecurityKey> AcceptedKeys
    {
        get
        {
            if (!warmUp.IsDone)
            {
                yield return _key;
            }
        }
    }

    /// <summary>An access token like the users service's, for a customer that does not exist.</summary>
    public string CreateCustomerToken(Guid customerId) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = ShopTokens.Issuer,
        Audience = ShopTokens.Audience,
        Subject = new ClaimsIdentity([new Claim(ShopClaims.Subject, customerId.ToString()), new Claim(ShopClaims.Role, ShopRoles.Customer)]),
        Expires = DateTime.UtcNow.Add(TokenLifetime),
        SigningCredentials = new SigningCredentials(_key, ShopTokens.SigningAlgorithm),
    });

    public void Dispose() => _key.Rsa.Dispose();
}
