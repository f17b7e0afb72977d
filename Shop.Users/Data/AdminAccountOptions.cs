using System.ComponentModel.DataAnnotations;

namespace Shop.Users.Data;

/// <summary>Configuration section <c>Admin</c>; the AppHost passes the password from its <c>admin-password</c> parameter.</summary>
public sealed class AdminAccountOptions
{
    public const string SectionName = "Admin";

    [Required]
    [EmailAddress]
    public string Email { get; set; } = "admin@shop.local";

    [Required]
    [MinLength(8)]
    public string Password { get; set; } = string.Empty;
}
