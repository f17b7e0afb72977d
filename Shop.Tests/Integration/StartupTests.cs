using System.Net;
using System.Text.Json;

namespace Shop.Tests.Integration;

[Collection(ShopAppCollection.Name)]
public sealed class StartupTests(ShopAppFixture shop)
{
    [Theory]
    [InlineData("users", "Shop Users API")]
    [InlineData("orders", "Shop Orders API")]
    [InlineData("payments", "Shop Payments API")]
    [InlineData("inventory", "Shop Inventory API")]
    [InlineData("notifications", "Shop Notifications API")]
    public async Task Gateway_serves_each_services_OpenAPI_document(string service, string expectedTitle)
    {
        using var gateway = shop.App.CreateHttpClient(ShopResources.Gateway, "http");

        using var response = await gateway.GetAsync($"/openapi/{service}.json", TestContext.Timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Timeout));
        Assert.Equal(expectedTitle, document.RootElement.GetProperty("info").GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("users")]
    [InlineData("orders")]
    [InlineData("payments")]
    [InlineData("inventory")]
    [InlineData("notifications")]
    public void Each_service_is_given_only_its_own_database_and_the_broker(string service)
    {
        Assert.True(shop.App.ResourceNotifications.TryGetCurrentState(service, out var resourceEvent));

        var connectionStrings = resourceEvent.Snapshot.EnvironmentVariables
            .Select(variable => variable.Name)
            .Where(name => name.StartsWith("ConnectionStrings__", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            new[] { $"ConnectionStrings__{ShopResources.Messaging}", $"ConnectionStrings__{ShopResources.ServiceDatabases[service]}" }.Order(StringComparer.Ordinal),
            connectionStrings);
    }

    // Aspire's default, `dotnet run`, evaluates the project with MSBuild before each start: seconds of CPU per instance.
    [Theory]
    [InlineData("users", "Shop.Users")]
    [InlineData("orders", "Shop.Orders")]
    [InlineData("orders-2", "Shop.Orders")]
    [InlineData("inventory", "Shop.Inventory")]
    [InlineData("inventory-2", "Shop.Inventory")]
    [InlineData("payments", "Shop.Payments")]
    [InlineData("notifications", "Shop.Notifications")]
    [InlineData(ShopResources.Gateway, "Shop.Gateway")]
    public void Each_project_starts_from_its_build_output_not_through_dotnet_run(string resource, string project)
    {
        Assert.True(shop.App.ResourceNotifications.TryGetCurrentState(resource, out var resourceEvent));

        var properties = resourceEvent.Snapshot.Properties.ToDictionary(property => property.Name, property => property.Value);
        Assert.Equal("dotnet", properties["executable.path"]);
        var arguments = Assert.IsAssignableFrom<IEnumerable<object>>(properties["executable.args"]).Select(argument => argument.ToString()).ToList();
        Assert.Equal("exec", arguments[0]);
        Assert.EndsWith($"/{project}/bin/Debug/net10.0/{project}.dll", arguments[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Gateway_does_not_take_the_run_mode_port_in_tests()
    {
        var gateway = shop.App.GetEndpoint(ShopResources.Gateway, "http");

        Assert.NotEqual(GatewayResourceExtensions.DefaultGatewayPort, gateway.Port);
    }
}
