using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using Shop.ServiceDefaults.Authentication;

namespace Microsoft.Extensions.Hosting;

public static class AuthenticationExtensions
{
    private const string MetadataClientName = "shop-token-metadata";
    private const string DataProtectionLogCategory = "Microsoft.AspNetCore.DataProtection";

    /// <summary>
    /// Validates Shop access tokens (RS256, issuer and audience checked) and adds the customer and admin policies.
    /// Keys come from the users service's JWKS, found through service discovery, so no service but users holds a
    /// signing key; the users service passes <paramref name="localSigningKey"/> instead of calling itself.
    /// </summary>
    public static IHostApplicationBuilder AddShopAuthentication(
        this IHostApplicationBuilder builder,
        Func<IServiceProvider, SecurityKey>? localSigningKey = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddHttpClient(MetadataClientName);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        // AddAuthentication brings DataProtection, which warns at every start in a container (keys kept in memory or an
        // unmounted directory, unencrypted). Shop protects nothing with it (bearer tokens only, no cookies or
        // antiforgery), so configuring a key store would only add a volume to look after; its errors still show.
        builder.Logging.AddFilter(DataProtectionLogCategory, LogLevel.Error);
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IServiceProvider, IConfiguration>((options, services, configuration) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = ShopTokens.Issuer,
                    ValidAudience = ShopTokens.Audience,
                    ValidAlgorithms = [ShopTokens.SigningAlgorithm],
                    NameClaimType = ShopClaims.Subject,
                    RoleClaimType = ShopClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    IssuerSigningKeys = services.GetRequiredService<WarmUpSigningKey>().AcceptedKeys,
                };

                if (localSigningKey is not null)
                {
                    options.TokenValidationParameters.IssuerSigningKey = localSigningKey(services);
                    return;
                }

                // Plain http inside the cluster; the metadata client has service discovery and resilience.
                options.MetadataAddress = configuration["Shop:Authentication:MetadataAddress"] ?? ShopTokens.DefaultMetadataAddress;
                options.RequireHttpsMetadata = false;
                options.Backchannel = services.GetRequiredService<IHttpClientFactory>().CreateClient(MetadataClientName);
            });

        builder.Services.TryAddSingleton<WarmUpSigningKey>();
        builder.AddWarmUp<TokenValidationWarmUp>();

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ShopPolicies.Customer, policy => policy.RequireRole(ShopRoles.Customer))
            .AddPolicy(ShopPolicies.Admin, policy => policy.RequireRole(ShopRoles.Admin));

        return builder;
    }

    /// <summary>
    /// Authentication and authorization after the ProblemDetails middleware (<c>MapDefaultEndpoints</c>), so a 401 or
    /// 403 also gets a ProblemDetails body.
    /// </summary>
    public static WebApplication UseShopAuthentication(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
