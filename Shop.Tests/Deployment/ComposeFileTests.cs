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
    /// <summary>The one-shot that makes each service's role and database (deploy/provision/postgres-roles.sh).</summary>
    private const string Provisioning = "postgres-provision";

    private const string BrokerResource = "messaging-broker";

    private static readonly string ComposeFile = Path.Combine(ShopTestPaths.RepositoryRoot, "deploy", "compose", "compose.yaml");

    private readonly AspireManifest _manifest = AspireManifest.Load(AspireManifest.CommittedPath);

    private readonly YamlMappingNode _services = (YamlMappingNode)LoadWithMergeKeys(ComposeFile)["services"];

    [Fact]
    public void Every_deployed_resource_is_a_service_with_the_manifests_environment_and_no_secret_in_the_file()
    {
        var deployed = _manifest.OfType("project.").Concat(_manifest.OfType("container.")).ToList();
        Assert.Equal(deployed.Select(resource => resource.Name).Append(Provisioning).Order(), _services.Children.Keys.Select(key => key.ToString()).Order());

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
            // A one-shot is never healthy: what follows it waits for its successful exit instead.
            Assert.True(service.Children.ContainsKey("healthcheck") || name.ToString() == Provisioning, $"{name} has no health check.");
        }

        foreach (var (name, _) in _manifest.OfType("project."))
        {
            var service = Service(name);
            var dependencies = (YamlMappingNode)service["depends_on"];
            Assert.NotEmpty(dependencies.Children);
            Assert.All(dependencies.Children, dependency => Assert.Equal(
                dependency.Key.ToString() == Provisioning ? "service_completed_successfully" : "service_healthy",
                dependency.Value["condition"].ToString()));
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

    [Fact]
    public void The_services_start_only_after_their_roles_and_databases_are_provisioned_by_a_one_shot()
    {
        var provisioning = Service(Provisioning);

        Assert.Equal(Service(ShopResources.Postgres)["image"].ToString(), provisioning["image"].ToString());
        Assert.Equal(["bash", "/provision/postgres-roles.sh"], ((YamlSequenceNode)provisioning["command"]).Children.Select(item => item.ToString()));
        Assert.Equal(["../provision/postgres-roles.sh:/provision/postgres-roles.sh:ro"], Volumes(provisioning));
        Assert.Equal("no", provisioning["restart"].ToString());
        Assert.Equal($"${{SHOP_SECRETS:-./secrets}}/{Provisioning}.env", provisioning["env_file"].ToString());
        Assert.Equal("service_healthy", provisioning["depends_on"][ShopResources.Postgres]["condition"].ToString());
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(ComposeFile)!, "..", "provision", "postgres-roles.sh")));

        foreach (var service in _manifest.Callers(ShopResources.Postgres))
        {
            var dependencies = ((YamlMappingNode)Service(service)["depends_on"]).Children.Keys.Select(key => key.ToString());
            Assert.Contains(Provisioning, dependencies);
            Assert.DoesNotContain(ShopResources.Postgres, dependencies);
        }
    }

    [Fact]
    public void The_broker_loads_the_definitions_new_secrets_writes_at_every_boot()
    {
        const string Definitions = "/etc/rabbitmq/shop-definitions.json";
        var volumes = Volumes(Service(BrokerResource));

        Assert.Contains($"${{SHOP_SECRETS:-./secrets}}/messaging-definitions.json:{Definitions}:ro", volumes);
        var snippet = Assert.Single(volumes, volume => volume.EndsWith(":/etc/rabbitmq/conf.d/30-shop-definitions.conf:ro", StringComparison.Ordinal));
        var snippetFile = Path.Combine(Path.GetDirectoryName(ComposeFile)!, snippet.Split(':')[0]);
        Assert.Equal($"load_definitions = {Definitions}", File.ReadAllText(snippetFile).Trim());
    }

    private YamlMappingNode Service(string name) => (YamlMappingNode)_services[name];

    private static List<string> Volumes(YamlMappingNode service) =>
        ((YamlSequenceNode)service["volumes"]).Children.Select(volume => volume.ToString()).ToList();

    private static YamlMappingNode LoadWithMergeKeys(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(reader)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
