using System.Text.Json.Nodes;

namespace Shop.Tests.Deployment;

/// <summary>The committed <c>aspire-manifest.json</c> is what <c>scripts/publish-manifest.sh</c> produces today.</summary>
public sealed class ManifestFreshnessTests
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task The_committed_manifest_equals_a_freshly_published_one()
    {
        // Written next to the committed file, so the relative project paths inside come out the same.
        var fresh = Path.Combine(ShopTestPaths.RepositoryRoot, $"aspire-manifest.{Guid.NewGuid():N}.json");
        try
        {
            await PublishManifestAsync(fresh);

            var committed = JsonNode.Parse(await File.ReadAllTextAsync(AspireManifest.CommittedPath));
            var published = JsonNode.Parse(await File.ReadAllTextAsync(fresh));
            Assert.True(
                JsonNode.DeepEquals(committed, published),
                "aspire-manifest.json is stale: run scripts/publish-manifest.sh and commit the result.");
        }
        finally
        {
            File.Delete(fresh);
        }
    }

    // What scripts/publish-manifest.sh runs, on the AppHost the tests were built with.
    private static async Task PublishManifestAsync(string outputPath)
    {
        var (exitCode, output, errors) = await RepositoryCommand.RunAsync(
            "dotnet",
            ["run", "--project", "Shop.AppHost", "--no-build", "--launch-profile", "http", "--", "--publisher", "manifest", "--output-path", outputPath],
            PublishTimeout);

        Assert.True(exitCode == 0, $"Publishing failed ({exitCode}):\n{output}\n{errors}");
    }
}
