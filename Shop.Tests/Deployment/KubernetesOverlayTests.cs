using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Shop.Tests.Deployment;

/// <summary>
/// <c>deploy/kubernetes</c> patches aspirate's output (Deployments named after the manifest's resources): every project
/// gets probes on a port it serves them on, 3 replicas, the seed's requests and limits, and graceful shutdown.
/// </summary>
public sealed class KubernetesOverlayTests
{
    private static readonly string Overlay = Path.Combine(ShopTestPaths.RepositoryRoot, "deploy", "kubernetes");

    private readonly AspireManifest _manifest = AspireManifest.Load(AspireManifest.CommittedPath);

    [Fact]
    public void The_overlay_is_built_on_aspirates_output()
    {
        var kustomization = Load(Path.Combine(Overlay, "kustomization.yaml"));

        Assert.Equal(["base"], Sequence(kustomization, "resources").Select(node => node.ToString()));
    }

    [Fact]
    public void Every_project_is_patched_exactly_once()
    {
        var targets = Patches().Select(patch => new Regex(patch.TargetName)).ToList();

        Assert.All(_manifest.OfType("project."), project =>
            Assert.True(targets.Count(target => target.IsMatch(project.Name)) == 1, $"{project.Name} is not patched exactly once."));
        Assert.All(_manifest.OfType("container."), container =>
            Assert.DoesNotContain(targets, target => target.IsMatch(container.Name)));
    }

    [Fact]
    public void Each_patch_sets_probes_replicas_resources_and_shutdown()
    {
        foreach (var (file, target) in Patches())
        {
            var operations = ((YamlSequenceNode)Load(Path.Combine(Overlay, file))).Children
                .Cast<YamlMappingNode>()
                .ToDictionary(op => op["path"].ToString(), op => op["value"]);

            Assert.Equal("3", operations["/spec/replicas"].ToString());
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

    private static IEnumerable<(string File, string TargetName)> Patches() =>
        Sequence(Load(Path.Combine(Overlay, "kustomization.yaml")), "patches")
            .Cast<YamlMappingNode>()
            .Select(patch => (patch["path"].ToString(), patch["target"]["name"].ToString()));

    private static YamlNode Load(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return stream.Documents[0].RootNode;
    }

    private static IEnumerable<YamlNode> Sequence(YamlNode mapping, string key) => ((YamlSequenceNode)mapping[key]).Children;
}
