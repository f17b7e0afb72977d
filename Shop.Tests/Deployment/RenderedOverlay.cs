using YamlDotNet.RepresentationModel;

namespace Shop.Tests.Deployment;

/// <summary>
/// The objects <c>kubectl kustomize deploy/kubernetes</c> renders over a stand-in for aspirate's base
/// (<see cref="AspirateBase"/>) and dummy secret files, built once in a copy of the overlay and of
/// <c>deploy/provision</c> beside it. Every dummy value names its file, so a test sees which file reached which object.
/// </summary>
public sealed class RenderedOverlay : IAsyncLifetime
{
    private static readonly TimeSpan KustomizeTimeout = TimeSpan.FromMinutes(1);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "shop-overlay-" + Guid.NewGuid().ToString("N"));

    public IReadOnlyList<YamlMappingNode> Objects { get; private set; } = [];

    /// <summary>The secret files new-secrets.sh writes that are no manifest resource's environment.</summary>
    public const string ProvisioningSecrets = "postgres-provision.env";

    public const string BrokerDefinitions = "messaging-definitions.json";

    /// <summary>The Deployments, StatefulSets and Jobs, whose pod templates the selectors must find.</summary>
    public IEnumerable<YamlMappingNode> Workloads => Objects.Where(item => Kind(item) is "Deployment" or "StatefulSet" or "Job");

    public async Task InitializeAsync()
    {
        var manifest = AspireManifest.Load(AspireManifest.CommittedPath);
        var overlay = Path.Combine(_directory, "kubernetes");
        CopyOverlay(OverlayFiles.Root, overlay);
        CopyOverlay(Path.Combine(OverlayFiles.Root, "..", "provision"), Path.Combine(_directory, "provision"));
        AspirateBase.Write(manifest, Path.Combine(overlay, "base"));
        var secrets = Directory.CreateDirectory(Path.Combine(overlay, "secrets")).FullName;
        foreach (var (name, _) in manifest.Resources)
        {
            var variables = manifest.SecretVariables(name);
            if (variables.Count > 0)
            {
                await File.WriteAllLinesAsync(Path.Combine(secrets, $"{name}.env"), variables.Select(variable => $"{variable}={DummyValue($"{name}.env")}"));
            }
        }

        await File.WriteAllTextAsync(Path.Combine(secrets, ProvisioningSecrets), $"PGPASSWORD={DummyValue(ProvisioningSecrets)}\n");
        await File.WriteAllTextAsync(Path.Combine(secrets, BrokerDefinitions), $"{{\"users\": \"{DummyValue(BrokerDefinitions)}\"}}\n");

        var (exitCode, output, errors) = await RepositoryCommand.RunAsync("kubectl", ["kustomize", overlay], KustomizeTimeout);
        Assert.True(exitCode == 0, errors);
        Objects = Yaml.Parse(output).Cast<YamlMappingNode>().ToList();
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    public IEnumerable<YamlMappingNode> OfKind(string kind) => Objects.Where(item => Kind(item) == kind);

    public YamlMappingNode Named(string kind, string name) => Assert.Single(OfKind(kind), item => Name(item) == name);

    /// <summary>The dummy value of every secret in <paramref name="file"/>.</summary>
    public static string DummyValue(string file) => $"dummy-from-{file}";

    public static string Kind(YamlMappingNode item) => item["kind"].ToString();

    public static string Name(YamlMappingNode item) => item["metadata"]["name"].ToString();

    public static IReadOnlyDictionary<string, string> PodLabels(YamlMappingNode workload) =>
        Yaml.Strings(Yaml.At(workload, "spec", "template", "metadata", "labels"));

    /// <summary>The overlay as committed, without a local base or real secrets that may sit beside it.</summary>
    private static void CopyOverlay(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("base" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || relative.StartsWith("secrets" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }
    }
}
