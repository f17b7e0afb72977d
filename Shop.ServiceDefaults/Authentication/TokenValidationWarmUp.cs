using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Shop.ServiceDefaults.WarmUp;

namespace Shop.ServiceDefaults.Authentication;

/// <summary>
/// Fetches the users service's signing keys (its OpenID metadata and JWKS) before the first request needs them, and
/// runs token validation once on a token signed by the warm-up key, so the first signed-in request pays for neither the
/// round trips nor the validation path's first run.
/// </summary>
internal sealed class TokenValidationWarmUp(
    IOptionsMonitor<JwtBearerOptions> options,
    DependencyProbe dependencies,
    WarmUpSigningKey warmUpKey) : IWarmUp
{
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        var bearer = options.Get(JwtBearerDefaults.AuthenticationScheme);
        if (bearer.ConfigurationManager is { } metadata)
        {
            await dependencies.WaitUntilAnsweringAsync(new Uri(bearer.MetadataAddress!), cancellationToken);
            await metadata.GetConfigurationAsync(cancellationToken);
        }

        var token = warmUpKey.CreateCustomerToken(Guid.NewGuid());
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, bearer.TokenValidationParameters);
        if (!result.IsValid)
        {
            throw new InvalidOperationException("The warm-up token did not validate.", result.Exception);
        }
    }
}
