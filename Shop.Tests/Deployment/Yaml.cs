using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Shop.Tests.Deployment;

/// <summary>Kubernetes YAML as YamlDotNet's node tree.</summary>
internal static class Yaml
{
    public static IReadOnlyList<YamlNode> LoadAll(string path) => Parse(File.ReadAllText(path));

    /// <summary>Every document of a multi-document stream, skipping empty ones.</summary>
    public static IReadOnlyList<YamlNode> Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Select(document => document.RootNode).Where(root => root is not YamlScalarNode).ToList();
    }

    /// <summary>The items of the sequence at a path of mapping keys (the node itself for no keys).</summary>
    public static IEnumerable<YamlNode> Sequence(YamlNode node, params string[] keys) => ((YamlSequenceNode)At(node, keys)!).Children;

    /// <summary>The node at a path of mapping keys, or null where one is missing.</summary>
    public static YamlNode? At(YamlNode node, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(key, out var child))
            {
                return null;
            }

            node = child;
        }

        return node;
    }

    public static int Int(YamlNode node) => int.Parse(node.ToString(), CultureInfo.InvariantCulture);

    public static IReadOnlyDictionary<string, string> Strings(YamlNode? mapping) =>
        (mapping as YamlMappingNode)?.Children.ToDictionary(pair => pair.Key.ToString(), pair => pair.Value.ToString()) ?? [];
}
