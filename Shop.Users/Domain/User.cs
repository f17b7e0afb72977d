using Shop.ServiceDefaults.Authentication;

namespace Shop.Users.Domain;

public sealed class User
{
    public const int MaxEmailLength = 254;
    public const int MaxDisplayNameLength = 100;

    private User()
    {
    }

    public Guid Id { get; private set; }

    // Stryker disable once String : EF Core or the factory always sets it; the initializer only satisfies nullable analysis
    public string Email { get; private set; } = string.Empty;

    /// <summary>Upper-cased email: uniqueness and sign-in are case-insensitive.</summary>
    // Stryker disable once String : EF Core or the factory always sets it; the initializer only satisfies nullable analysis
    public string NormalizedEmail { get; private set; } = string.Empty;

    // Stryker disable once String : EF Core or the factory always sets it; the initializer only satisfies nullable analysis
    public string DisplayName { get; private set; } = string.Empty;

    public string PasswordHash { get; private set; } = string.Empty;

    public string Role { get; private set; } = ShopRoles.Customer;

    public DateTimeOffset CreatedAt { get; private set; }

    public static User Register(string email, string displayName, string role, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Email = email,
        NormalizedEmail = Normalize(email),
        DisplayName = displayName,
        Role = role,
        CreatedAt = now,
    };

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    public void SetPasswordHash(string passwordHash) => PasswordHash = passwordHash;
}
