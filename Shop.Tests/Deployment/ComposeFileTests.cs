using Shop.Tests.Integration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Shop.Tests.Deployment;

/// <summary>
/// <c>deploy/compose/compose.yaml</c> gives each resource exactly the environment a deployment of the manifest gives
/// it (resolved as aspirate resolves it), with every secret variable only in the resource's env file, and holds the
/// single-host safety settings: one published port, no fixed container names, health checks and start order.
/// (ComposeDeploymentTests runs it.)
/// </summary>
public sealed class ComposeFileTests
{
    private static readonly string ComposeFile = Path.Combine(ShopTestPaths.RepositoryRoot, "deploy", "compose", "compose.yaml");

    private readonly AspireManifest _manifest = AspireManifest.Load(AspireManifest.CommittedPath);

    private readonly YamlMappingNode _services = (YamlMappingNode)LoadWithMergeKeys(ComposeFile)["services"];

    [Fact]
    public void Every_deployed_resource_is_a_service_with_the_manifests_environment_and_no_secret_in_the_file()
    {
        var deployed = _manifest.OfType("project.").Concat(_manifest.OfType("container.")).ToList();
        Assert.Equal(deployed.Select(resource => resource.Name).Order(), _services.Children.Keys.Select(key => key.ToString()).Order());

        foreach (var (name, resource) in deployed)
        {
            var secrets = _manifest.SecretVariables(name);
            var expected = resource["env"]!.AsObject()
                .Where(pair => !secrets.Contains(pair.Key))
                .ToDictionary(pair => pair.Key, pair => _manifest.Resolve(pair.Value!.GetValue<string>()));

            var service = Service(name);
            var environment = ((YamlMappingNode)service["environment"]).Children.ToDictionary(pair => pair.Key.ToString(), pair => pair.Value.ToString());
            Assert.Equal(expected.OrderBy(pair => pair.Key), environment.OrderBy(pair => pair.Key));
            Assert.Equal(secrets.Count > 0 ? $"${{SHOP_SECRETS:-./secrets}}/{name}.env" : null, service.Children.TryGetValue("env_file", out var envFile) ? envFile.ToString() : null);
        }
    }

    [Fact]
    public void Projects_run_shops_images_and_containers_the_manifests()
    {
        foreach (var (name, _) in _manifest.OfType("project."))
        {
            Assert.Equal($"shop-{name}:${{SHOP_IMAGE_TAG:-latest}}", Service(name)["image"].ToString());
        }

        foreach (var (name, resource) in _manifest.OfType("container."))
        {
            Assert.Equal(resource["image"]!.GetValue<string>(), Service(name)["image"].ToString());
        }
    }

    [Fact]
    public void Only_the_gateways_external_binding_is_published()
    {
        var published = _services.Children.Where(pair => ((YamlMappingNode)pair.Value).Children.ContainsKey("ports")).ToList();

        var (name, service) = Assert.Single(published);
        Assert.Equal(ShopResources.Gateway, name.ToString());
        var external = _manifest.Find(ShopResources.Gateway)!["bindings"]!.AsObject().Single(binding => binding.Value!["external"]?.GetValue<bool>() == true);
        var port = Assert.Single(((YamlSequenceNode)service["ports"]).Children).ToString();
        Assert.EndsWith($":{external.Value!["targetPort"]?.ToString() ?? "8080"}", port, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_service_can_scale_has_a_health_check_and_projects_start_after_healthy_dependencies()
    {
        foreach (var (name, node) in _services.Children)
        {
            var service = (YamlMappingNode)node;
            Assert.False(service.Children.ContainsKey("container_name"), $"{name}: a container_name prevents --scale.");
            Assert.True(service.Children.ContainsKey("healthcheck"), $"{name} has no health check.");
        }

        foreach (var (name, _) in _manifest.OfType("project."))
        {
            var service = Service(name);
            var dependencies = (YamlMappingNode)service["depends_on"];
            Assert.NotEmpty(dependencies.Children);
            Assert.All(dependencies.Children.Values, dependency => Assert.Equal("service_healthy", dependency["condition"].ToString()));
            Assert.Equal("true", service["read_only"].ToString());
            Assert.Equal(["ALL"], ((YamlSequenceNode)service["cap_drop"]).Children.Select(capability => capability.ToString()));
        }
    }

    [Fact]
    public void The_gateway_trusts_no_proxy_because_clients_reach_its_published_port_directly()
    {
        // With none configured the gateway believes no forwarded header, host switch or not (TrustedProxyTests).
        var environment = ((YamlMappingNode)Service(ShopResources.Gateway)["environment"]).Children.Keys.Select(key => key.ToString());

        Assert.DoesNotContain(environment, name => name.StartsWith("ForwardedHeaders__", StringComparison.Ordinal));
    }

    private YamlMappingNode Service(string name) => (YamlMappingNode)_services[name];

    private static YamlMappingNode LoadWithMergeKeys(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(reader)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
