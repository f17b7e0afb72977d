using System.Text.RegularExpressions;
using Shop.Tests.Integration;
using YamlDotNet.RepresentationModel;

namespace Shop.Tests.Deployment;

/// <summary>
/// <c>deploy/kubernetes</c> patches aspirate's output (workloads named after the manifest's resources, each with a
/// <c>&lt;name&gt;-env</c> ConfigMap): every project gets probes on a port it serves them on, 3 replicas, the seed's
/// requests and limits, and graceful shutdown; every secret variable comes from a Secret, never a ConfigMap.
/// </summary>
public sealed class KubernetesOverlayTests
{
    private static readonly string Overlay = OverlayFiles.Root;

    private readonly AspireManifest _manifest = AspireManifest.Load(AspireManifest.CommittedPath);

    private readonly YamlMappingNode _kustomization = (YamlMappingNode)Load(Path.Combine(Overlay, "kustomization.yaml"));

    [Fact]
    public void The_overlay_is_built_on_aspirates_output()
    {
        var resources = Sequence(_kustomization, "resources").Select(node => node.ToString()).ToList();

        Assert.Equal("base", resources[0]);
        Assert.All(resources.Skip(1), resource => Assert.True(
            File.Exists(Path.Combine(Overlay, resource)) || File.Exists(Path.Combine(Overlay, resource, "kustomization.yaml")),
            $"{resource} is not one of the overlay's files or a committed kustomization."));
    }

    [Fact]
    public void Every_project_is_patched_exactly_once()
    {
        var targets = FilePatches().Select(patch => new Regex(patch.TargetName)).ToList();

        Assert.All(_manifest.OfType("project."), project =>
            Assert.True(targets.Count(target => target.IsMatch(project.Name)) == 1, $"{project.Name} is not patched exactly once."));
        Assert.All(_manifest.OfType("container."), container =>
            Assert.DoesNotContain(targets, target => target.IsMatch(container.Name)));
    }

    [Fact]
    public void Each_patch_sets_probes_replicas_resources_and_shutdown()
    {
        foreach (var (file, target) in FilePatches())
        {
            var operations = Operations((YamlSequenceNode)Load(Path.Combine(Overlay, file)));

            Assert.Equal("3", operations["/spec/replicas"].ToString());
            Assert.Equal("RollingUpdate", operations["/spec/strategy"]["type"].ToString());
            Assert.Equal("0", operations["/spec/strategy"]["rollingUpdate"]["maxUnavailable"].ToString());
            Assert.Equal("30", operations["/spec/template/spec/terminationGracePeriodSeconds"].ToString());
            var resources = (YamlMappingNode)operations["/spec/template/spec/containers/0/resources"];
            Assert.Equal(("250m", "256Mi"), (resources["requests"]["cpu"].ToString(), resources["requests"]["memory"].ToString()));
            Assert.Equal(("500m", "512Mi"), (resources["limits"]["cpu"].ToString(), resources["limits"]["memory"].ToString()));
            Assert.NotNull(operations["/spec/template/spec/containers/0/lifecycle"]["preStop"]);

            var port = ProbePort(target);
            foreach (var (probe, path) in new[] { ("startupProbe", "/alive"), ("livenessProbe", "/alive"), ("readinessProbe", "/health") })
            {
                var httpGet = operations[$"/spec/template/spec/containers/0/{probe}"]["httpGet"];
                Assert.Equal(path, httpGet["path"].ToString());
                Assert.True(httpGet["port"].ToString() == port, $"{file}: {probe} probes port {httpGet["port"]}, the app serves {path} on {port}.");
            }
        }
    }

    [Fact]
    public void Every_secret_variable_moves_from_the_config_map_to_the_resources_secret()
    {
        // Secrets of variables; the broker's definitions are a file Secret (RenderedOverlayTests).
        var generated = Sequence(_kustomization, "secretGenerator").Cast<YamlMappingNode>()
            .Where(secret => secret.Children.ContainsKey("envs"))
            .ToDictionary(secret => secret["name"].ToString(), secret => Sequence(secret, "envs").Select(env => env.ToString()).ToList());
        var withSecrets = _manifest.Resources.Where(resource => _manifest.SecretVariables(resource.Name).Count > 0).ToList();

        Assert.Contains(withSecrets, resource => resource.Name == "users");
        // The provisioning Job's secret is no manifest resource's: the superuser's connection and the roles' passwords.
        Assert.Equal(withSecrets.Select(resource => $"{resource.Name}-secrets").Append("postgres-provision-secrets").Order(), generated.Keys.Order());
        Assert.Equal(["secrets/postgres-provision.env"], generated["postgres-provision-secrets"]);
        foreach (var (name, _) in withSecrets)
        {
            Assert.Equal([$"secrets/{name}.env"], generated[$"{name}-secrets"]);

            var removed = InlinePatch("ConfigMap", $"{name}-env")
                .Select(op => (Op: op["op"].ToString(), Path: op["path"].ToString()))
                .ToList();
            Assert.All(removed, op => Assert.Equal("remove", op.Op));
            Assert.Equal(_manifest.SecretVariables(name).Select(variable => $"/data/{variable}").Order(), removed.Select(op => op.Path).Order());

            var kind = _manifest.Find(name)!["volumes"] is null ? "Deployment" : "StatefulSet";
            var secretRef = InlineOperations(kind, name)["/spec/template/spec/containers/0/envFrom/-"]["secretRef"]["name"].ToString();
            Assert.Equal($"{name}-secrets", secretRef);
        }
    }

    /// <summary>
    /// The port a project serves its probes on in Kubernetes: the gateway's management binding, any other project's
    /// http binding (8080 when the manifest leaves it to the container default, as for every service).
    /// </summary>
    private string ProbePort(string target)
    {
        var project = _manifest.OfType("project.").First(project => new Regex(target).IsMatch(project.Name)).Resource;
        var binding = project["bindings"]!["management"] ?? project["bindings"]!["http"]!;
        return binding["targetPort"]?.ToString() ?? "8080";
    }

    /// <summary>The patch files that size a project (those setting its replicas), with the name pattern they target.</summary>
    private IEnumerable<(string File, string TargetName)> FilePatches() =>
        Sequence(_kustomization, "patches")
            .Cast<YamlMappingNode>()
            .Where(patch => patch.Children.ContainsKey("path")
                && Operations((YamlSequenceNode)Load(Path.Combine(Overlay, patch["path"].ToString()))).ContainsKey("/spec/replicas"))
            .Select(patch => (patch["path"].ToString(), patch["target"]["name"].ToString()));

    /// <summary>The one inline JSON patch whose target is exactly <paramref name="kind"/> <paramref name="name"/>.</summary>
    private YamlSequenceNode InlinePatch(string kind, string name)
    {
        var patch = Assert.Single(
            Sequence(_kustomization, "patches").Cast<YamlMappingNode>(),
            patch => patch.Children.ContainsKey("patch")
                && patch["target"]["kind"].ToString() == kind
                && patch["target"]["name"].ToString() == $"^{name}$");
        var yaml = new YamlStream();
        yaml.Load(new StringReader(patch["patch"].ToString()));
        return (YamlSequenceNode)yaml.Documents[0].RootNode;
    }

    private Dictionary<string, YamlNode> InlineOperations(string kind, string name) => Operations(InlinePatch(kind, name));

    /// <summary>Each path's value; appends (<c>…/-</c>) may repeat a path, and the last one is kept.</summary>
    private static Dictionary<string, YamlNode> Operations(YamlSequenceNode patch) =>
        patch.Children.Cast<YamlMappingNode>().GroupBy(op => op["path"].ToString()).ToDictionary(ops => ops.Key, ops => ops.Last()["value"]);

    private static YamlNode Load(string path) => Yaml.LoadAll(path).Single();

    private static IEnumerable<YamlNode> Sequence(YamlNode mapping, string key) => Yaml.Sequence(mapping, key);
}
