namespace Shop.ServiceDefaults.Authentication;

public static class ShopRoles
{
    public const string Customer = "customer";
    public const string Admin = "admin";
}
