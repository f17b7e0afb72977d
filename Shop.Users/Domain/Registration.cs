using System.Net.Mail;
using Shop.ServiceDefaults.Http;
using Shop.Users.Apis;

namespace Shop.Users.Domain;

/// <summary>The rules a new account must meet.</summary>
public static class Registration
{
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;

    public static ValidationErrors Validate(RegisterUserRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        var errors = new ValidationErrors();
        errors.Require(IsValidEmail(request.Email), "email", "A valid email address is required.");
        errors.Require(
            request.Password is { Length: >= MinPasswordLength and <= MaxPasswordLength },
            "password",
            $"The password must be {MinPasswordLength} to {MaxPasswordLength} characters long.");
        errors.Require(
            !string.IsNullOrWhiteSpace(request.DisplayName) && request.DisplayName.Trim().Length <= User.MaxDisplayNameLength,
            "displayName",
            $"A display name of 1 to {User.MaxDisplayNameLength} characters is required.");
        return errors;
    }

    // MailAddress accepts "Name <a@b>" forms too; an account email must be the bare address.
    private static bool IsValidEmail(string? email) =>
        email is { Length: <= User.MaxEmailLength }
        && MailAddress.TryCreate(email.Trim(), out var address)
        && address.Address == email.Trim()
        && address.Host.Contains('.', StringComparison.Ordinal);
}
