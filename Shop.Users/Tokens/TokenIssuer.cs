using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shop.ServiceDefaults.Authentication;
using Shop.Users.Domain;

namespace Shop.Users.Tokens;

public sealed class TokenIssuer(TokenSigningKey signingKey, IOptions<AccessTokenOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    public IssuedToken Issue(User user)
    {
        ArgumentNullException.ThrowIfNull(user);

        var lifetime = TimeSpan.FromMinutes(options.Value.LifetimeMinutes);
        var now = time.GetUtcNow().UtcDateTime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = ShopTokens.Issuer,
            Audience = ShopTokens.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = signingKey.Credentials,
            Subject = new ClaimsIdentity(
            [
                new Claim(ShopClaims.Subject, user.Id.ToString()),
                new Claim(ShopClaims.Email, user.Email),
                new Claim(ShopClaims.Role, user.Role),
            ]),
        });

        return new IssuedToken(token, (int)lifetime.TotalSeconds);
    }
}

public sealed record IssuedToken(string AccessToken, int ExpiresInSeconds);
