using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Shop.Tests.Deployment;

/// <summary>The committed kustomize overlay in <c>deploy/kubernetes</c>, read as files (no kustomize needed).</summary>
internal sealed class OverlayFiles
{
    public static readonly string Root = Path.Combine(ShopTestPaths.RepositoryRoot, "deploy", "kubernetes");

    private readonly YamlMappingNode _kustomization = (YamlMappingNode)Yaml.LoadAll(Path.Combine(Root, "kustomization.yaml")).Single();

    /// <summary>
    /// The objects of one kind that the overlay's own files add (its <c>resources</c> that are files: not the base or
    /// deploy/provision, which are kustomizations of their own).
    /// </summary>
    public IEnumerable<YamlMappingNode> Objects(string kind) =>
        Yaml.Sequence(_kustomization, "resources")
            .Select(resource => resource.ToString())
            .Where(resource => File.Exists(Path.Combine(Root, resource)))
            .SelectMany(resource => Yaml.LoadAll(Path.Combine(Root, resource)).Cast<YamlMappingNode>())
            .Where(document => document["kind"].ToString() == kind);

    /// <summary>
    /// The value that the one patch file targeting <paramref name="kind"/> <paramref name="name"/> and writing
    /// <paramref name="path"/> gives it; null when no patch file writes it.
    /// </summary>
    public YamlNode? PatchedValue(string kind, string name, string path) =>
        Yaml.Sequence(_kustomization, "patches")
            .Cast<YamlMappingNode>()
            .Where(patch => patch.Children.ContainsKey("path")
                && patch["target"]["kind"].ToString() == kind
                && Regex.IsMatch(name, patch["target"]["name"].ToString()))
            .SelectMany(patch => Yaml.LoadAll(Path.Combine(Root, patch["path"].ToString())).Cast<YamlSequenceNode>())
            .SelectMany(operations => operations.Children.Cast<YamlMappingNode>())
            .SingleOrDefault(operation => operation["path"].ToString() == path)?["value"];
}
