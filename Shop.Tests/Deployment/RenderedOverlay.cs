using YamlDotNet.RepresentationModel;

namespace Shop.Tests.Deployment;

/// <summary>
/// The objects <c>kubectl kustomize deploy/kubernetes</c> renders over a stand-in for aspirate's base
/// (<see cref="AspirateBase"/>) and dummy secret files, built once in a copy of the overlay.
/// </summary>
public sealed class RenderedOverlay : IAsyncLifetime
{
    private static readonly TimeSpan KustomizeTimeout = TimeSpan.FromMinutes(1);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "shop-overlay-" + Guid.NewGuid().ToString("N"));

    public IReadOnlyList<YamlMappingNode> Objects { get; private set; } = [];

    /// <summary>The Deployments and StatefulSets, whose pod templates the selectors must find.</summary>
    public IEnumerable<YamlMappingNode> Workloads => Objects.Where(item => Kind(item) is "Deployment" or "StatefulSet");

    public async Task InitializeAsync()
    {
        var manifest = AspireManifest.Load(AspireManifest.CommittedPath);
        CopyOverlay(OverlayFiles.Root, _directory);
        AspirateBase.Write(manifest, Path.Combine(_directory, "base"));
        var secrets = Directory.CreateDirectory(Path.Combine(_directory, "secrets")).FullName;
        foreach (var (name, _) in manifest.Resources)
        {
            var variables = manifest.SecretVariables(name);
            if (variables.Count > 0)
            {
                await File.WriteAllLinesAsync(Path.Combine(secrets, $"{name}.env"), variables.Select(variable => $"{variable}=dummy"));
            }
        }

        var (exitCode, output, errors) = await RepositoryCommand.RunAsync("kubectl", ["kustomize", _directory], KustomizeTimeout);
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
