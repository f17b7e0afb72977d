using System.Text.Json.Nodes;

namespace Shop.Tests.Deployment;

/// <summary>
/// Every web project is ready for <c>dotnet publish -t:PublishContainer</c> (and so for <c>aspirate build</c>): its
/// repository name, the .NET 10 ASP.NET base image, a non-root user and the port, as MSBuild evaluates them.
/// </summary>
public sealed class ContainerPublishingTests
{
    private static readonly TimeSpan EvaluationTimeout = TimeSpan.FromMinutes(1);

    [Theory]
    [InlineData("Shop.Gateway", "shop-gateway")]
    [InlineData("Shop.Users", "shop-users")]
    [InlineData("Shop.Inventory", "shop-inventory")]
    [InlineData("Shop.Orders", "shop-orders")]
    [InlineData("Shop.Payments", "shop-payments")]
    [InlineData("Shop.Notifications", "shop-notifications")]
    public async Task A_project_publishes_as_a_non_root_ASP_NET_10_container(string project, string repository)
    {
        var evaluated = await EvaluateAsync(project);

        var properties = evaluated["Properties"]!;
        Assert.Equal(repository, properties["ContainerRepository"]!.GetValue<string>());
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", properties["ContainerBaseImage"]!.GetValue<string>());
        Assert.Equal("app", properties["ContainerUser"]!.GetValue<string>());
        var port = Assert.Single(evaluated["Items"]!["ContainerPort"]!.AsArray());
        Assert.Equal("8080", port!["Identity"]!.GetValue<string>());
    }

    private static async Task<JsonNode> EvaluateAsync(string project)
    {
        var (exitCode, output, errors) = await RepositoryCommand.RunAsync(
            "dotnet",
            [
                "msbuild", $"{project}/{project}.csproj", "-getProperty:ContainerRepository", "-getProperty:ContainerBaseImage",
                "-getProperty:ContainerUser", "-getItem:ContainerPort",
            ],
            EvaluationTimeout);

        Assert.True(exitCode == 0, $"msbuild failed ({exitCode}): {errors}");
        return JsonNode.Parse(output)!;
    }
}
