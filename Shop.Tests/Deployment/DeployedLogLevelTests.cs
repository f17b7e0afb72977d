using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Shop.Tests.Deployment;

/// <summary>
/// Production logging stays quiet in every mode: the quiet levels are code (<see cref="QuietLogLevels"/>, applied by
/// every service's defaults), so they hold wherever a service runs unless something deployed overrides them. Nothing
/// does: not the manifest, not the Compose files or the Kubernetes overlay, not a service's own appsettings.json.
/// </summary>
public sealed class DeployedLogLevelTests
{
    private static readonly string[] Services = ["Shop.Users", "Shop.Inventory", "Shop.Orders", "Shop.Payments", "Shop.Notifications", "Shop.Gateway"];

    [Fact]
    public void No_deploy_artifact_sets_a_log_level()
    {
        var artifacts = Directory.EnumerateFiles(Path.Combine(ShopTestPaths.RepositoryRoot, "deploy"), "*", SearchOption.AllDirectories)
            .Append(AspireManifest.CommittedPath)
            .ToList();

        Assert.Contains(artifacts, path => path.EndsWith(".yaml", StringComparison.Ordinal));
        Assert.All(artifacts, path => Assert.DoesNotMatch("Logging(__|:)LogLevel", File.ReadAllText(path)));
    }

    [Fact]
    public void No_service_lowers_a_quiet_category_in_its_production_settings()
    {
        foreach (var service in Services)
        {
            var path = Path.Combine(ShopTestPaths.RepositoryRoot, service, "appsettings.json");
            if (!File.Exists(path))
            {
                continue;
            }

            var levels = JsonNode.Parse(File.ReadAllText(path))?["Logging"]?["LogLevel"]?.AsObject() ?? [];
            Assert.All(levels, level =>
            {
                var quiet = QuietLogLevels.Defaults.Keys.FirstOrDefault(category => level.Key.StartsWith(category, StringComparison.Ordinal));
                Assert.True(
                    quiet is null || Parse(level.Value!.GetValue<string>()) >= Parse(QuietLogLevels.Defaults[quiet]),
                    $"{service}/appsettings.json sets {level.Key} to {level.Value}, below the quiet default for {quiet}.");
            });
        }
    }

    private static LogLevel Parse(string level) => Enum.Parse<LogLevel>(level);
}
