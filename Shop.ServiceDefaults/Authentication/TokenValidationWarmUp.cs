using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shop.ServiceDefaults.WarmUp;

namespace Shop.ServiceDefaults.Authentication;

/// <summary>
/// Fetches the users service's signing keys (its OpenID metadata and JWKS) before the first request needs them, and
/// runs token validation once on a token signed by a key made for the purpose, so the first signed-in request pays for
/// neither the round trips nor the validation path's first run.
/// </summary>
internal sealed class TokenValidationWarmUp(IOptionsMonitor<JwtBearerOptions> options, IHttpClientFactory clients) : IWarmUp
{
    /// <summary>
    /// Service discovery without the resilience pipeline: users may still be starting (503 until it is), which is
    /// expected here and must not be logged as a failed attempt.
    /// </summary>
    public const string ProbeClientName = "shop-token-metadata-probe";

    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(250);

    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        var bearer = options.Get(JwtBearerDefaults.AuthenticationScheme);
        if (bearer.ConfigurationManager is { } metadata)
        {
            await WaitUntilAnsweringAsync(new Uri(bearer.MetadataAddress!), cancellationToken);
            await metadata.GetConfigurationAsync(cancellationToken);
        }

        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa);
        var handler = new JsonWebTokenHandler();
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = ShopTokens.Issuer,
            Audience = ShopTokens.Audience,
            Subject = new ClaimsIdentity([new Claim(ShopClaims.Subject, Guid.NewGuid().ToString()), new Claim(ShopClaims.Role, ShopRoles.Customer)]),
            SigningCredentials = new SigningCredentials(key, ShopTokens.SigningAlgorithm),
        });
        var parameters = bearer.TokenValidationParameters.Clone();
        parameters.IssuerSigningKey = key;
        var result = await handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            throw new InvalidOperationException("The warm-up token did not validate.", result.Exception);
        }
    }

    private async Task WaitUntilAnsweringAsync(Uri metadataAddress, CancellationToken cancellationToken)
    {
        using var probe = clients.CreateClient(ProbeClientName);
        while (true)
        {
            try
            {
                using var response = await probe.GetAsync(metadataAddress, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(ProbeInterval, cancellationToken);
        }
    }
}
