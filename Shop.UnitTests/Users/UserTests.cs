using Shop.ServiceDefaults.Authentication;
using Shop.Users.Domain;

namespace Shop.UnitTests.Users;

public sealed class UserTests
{
    private static readonly DateTimeOffset RegisteredAt = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_registered_user_is_found_by_the_normalized_email()
    {
        var user = User.Register("Ada@Example.com", "Ada", ShopRoles.Customer, RegisteredAt);

        Assert.Equal(7, user.Id.Version);
        Assert.Equal("Ada@Example.com", user.Email);
        Assert.Equal("ADA@EXAMPLE.COM", user.NormalizedEmail);
        Assert.Equal("Ada", user.DisplayName);
        Assert.Equal(ShopRoles.Customer, user.Role);
        Assert.Equal(RegisteredAt, user.CreatedAt);
        Assert.Equal(string.Empty, user.PasswordHash);
    }

    [Fact]
    public void Normalizing_trims_and_upper_cases_so_sign_in_ignores_case_and_spaces() =>
        Assert.Equal("ADA@EXAMPLE.COM", User.Normalize("  ada@Example.COM "));

    [Fact]
    public void The_password_hash_is_set_after_registration()
    {
        var user = User.Register("ada@example.com", "Ada", ShopRoles.Admin, RegisteredAt);

        user.SetPasswordHash("hash");

        Assert.Equal("hash", user.PasswordHash);
        Assert.Equal(ShopRoles.Admin, user.Role);
    }
}
