using Shop.Users.Apis;
using Shop.Users.Domain;

namespace Shop.UnitTests.Users;

/// <summary>The rules a new account must meet, each limit just inside and just outside, and the errors users read.</summary>
public sealed class RegistrationTests
{
    private const string Email = "ada@example.com";
    private const string Password = "correct horse";
    private const string DisplayName = "Ada";

    [Fact]
    public void A_valid_request_has_no_errors() => Assert.True(Registration.Validate(new(Email, Password, DisplayName)).IsEmpty);

    [Fact]
    public void Every_broken_rule_is_reported_under_its_field_with_the_rule()
    {
        var errors = Registration.Validate(new(null, null, null)).ToDictionary();

        Assert.Equal(["A valid email address is required."], errors["email"]);
        Assert.Equal(["The password must be 8 to 128 characters long."], errors["password"]);
        Assert.Equal(["A display name of 1 to 100 characters is required."], errors["displayName"]);
        Assert.Equal(3, errors.Count);
    }

    [Theory]
    [InlineData("ada@example.com")]
    [InlineData("  ada@example.com  ")]
    [InlineData("ada.lovelace+shop@mail.example.co.uk")]
    public void Bare_addresses_are_valid_emails(string email) => Assert.Empty(ErrorsFor(email: email));

    [Theory]
    [InlineData("")]
    [InlineData("ada")]
    [InlineData("ada@localhost")]
    [InlineData("Ada <ada@example.com>")]
    [InlineData("ada@example.com (Ada)")]
    public void Anything_but_a_bare_address_with_a_dotted_host_is_refused(string email) =>
        Assert.Equal(["email"], ErrorsFor(email: email));

    [Fact]
    public void An_email_of_the_maximum_length_is_accepted_and_one_longer_is_refused()
    {
        var longest = Address(lastLabel: 60);
        var tooLong = Address(lastLabel: 61);
        Assert.Equal(User.MaxEmailLength, longest.Length);

        Assert.Empty(ErrorsFor(email: longest));
        Assert.Equal(["email"], ErrorsFor(email: tooLong));
    }

    [Theory]
    [InlineData(Registration.MinPasswordLength)]
    [InlineData(Registration.MaxPasswordLength)]
    public void Passwords_from_the_minimum_to_the_maximum_length_are_accepted(int length) =>
        Assert.Empty(ErrorsFor(password: new string('p', length)));

    [Theory]
    [InlineData(Registration.MinPasswordLength - 1)]
    [InlineData(Registration.MaxPasswordLength + 1)]
    public void Shorter_and_longer_passwords_are_refused(int length) =>
        Assert.Equal(["password"], ErrorsFor(password: new string('p', length)));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_display_name_is_refused(string displayName) =>
        Assert.Equal(["displayName"], ErrorsFor(displayName: displayName));

    [Fact]
    public void The_display_name_is_measured_without_surrounding_spaces()
    {
        var longest = new string('d', User.MaxDisplayNameLength);

        Assert.Empty(ErrorsFor(displayName: "  " + longest + "  "));
        Assert.Equal(["displayName"], ErrorsFor(displayName: longest + "d"));
    }

    [Fact]
    public void A_missing_request_is_an_argument_error() =>
        Assert.Throws<ArgumentNullException>(() => Registration.Validate(null!));

    /// <summary>A valid address (64-character local part, labels of at most 63) whose length depends on the last label.</summary>
    private static string Address(int lastLabel) =>
        $"{new string('a', 64)}@{new string('b', 62)}.{new string('c', 62)}.{new string('d', lastLabel)}.cc";

    private static string[] ErrorsFor(string? email = Email, string? password = Password, string? displayName = DisplayName) =>
        [.. Registration.Validate(new RegisterUserRequest(email, password, displayName)).ToDictionary().Keys];
}
