namespace Shop.ServiceDefaults.Authentication;

/// <summary>What every Shop access token carries and how it is checked; the users service issues, everyone verifies.</summary>
public static class ShopTokens
{
    public const string Issuer = "shop-users";
    public const string Audience = "shop";
    public const string SigningAlgorithm = Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaSha256;

    /// <summary>Where validators find the users service's OpenID metadata (and through it the JWKS), via service discovery.</summary>
    public const string DefaultMetadataAddress = "http://users/.well-known/openid-configuration";
}
