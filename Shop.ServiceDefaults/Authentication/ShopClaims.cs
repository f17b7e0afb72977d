namespace Shop.ServiceDefaults.Authentication;

/// <summary>JWT claim names as they appear in the token (inbound claim mapping is off).</summary>
public static class ShopClaims
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Role = "role";
}
