namespace Shop.Tests.Startup;

/// <summary>
/// A bad or missing secret or connection string stops the service at start, before it listens, with a message naming
/// the setting: never a service that is up and answers every request with a 500.
/// </summary>
public sealed class InvalidSettingsTests
{
    // Well above a service's start (about a second), well below the migrator's retries, which never end on their own.
    private static readonly TimeSpan PromptExit = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("users", "Jwt__SigningKey", "not-a-key", "Jwt:SigningKey")]
    [InlineData("users", "Admin__Password", null, "Admin:Password")]
    [InlineData("inventory", "ConnectionStrings__inventorydb", null, "ConnectionStrings:inventorydb")]
    [InlineData("orders", "ConnectionStrings__messaging", null, "ConnectionStrings:messaging")]
    public async Task A_service_with_an_invalid_setting_exits_at_start_naming_it(string service, string variable, string? value, string setting)
    {
        var settings = ServiceProcess.ValidSettings(service);
        settings[variable] = value;

        await using var process = ServiceProcess.Start(service, settings);
        var exitCode = await process.ExitCodeAsync(PromptExit);

        Assert.Equal(1, exitCode);
        Assert.Contains($"Not starting, the configuration is invalid: {setting}", process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", process.Output, StringComparison.Ordinal);
    }
}
