namespace Shop.ServiceDefaults.Authentication;

/// <summary>Authorization policy names; "signed in" is the default policy (<c>RequireAuthorization()</c>).</summary>
public static class ShopPolicies
{
    public const string Customer = "customer";
    public const string Admin = "admin";
}
