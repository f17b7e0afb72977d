using YamlDotNet.RepresentationModel;

namespace Shop.Tests.Deployment;

/// <summary>Kubernetes label selector semantics (matchLabels and matchExpressions), as the API server applies them.</summary>
internal static class LabelSelector
{
    /// <summary>Whether <paramref name="selector"/> selects an object with <paramref name="labels"/>; an empty selector selects all.</summary>
    public static bool Matches(YamlNode selector, IReadOnlyDictionary<string, string> labels)
    {
        var required = Yaml.Strings(Yaml.At(selector, "matchLabels"));
        var expressions = (Yaml.At(selector, "matchExpressions") as YamlSequenceNode)?.Children.Cast<YamlMappingNode>() ?? [];
        return required.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value)
            && expressions.All(expression => Matches(expression, labels));
    }

    private static bool Matches(YamlMappingNode expression, IReadOnlyDictionary<string, string> labels)
    {
        var present = labels.TryGetValue(expression["key"].ToString(), out var value);
        var values = (Yaml.At(expression, "values") as YamlSequenceNode)?.Children.Select(item => item.ToString()).ToHashSet() ?? [];
        return expression["operator"].ToString() switch
        {
            "In" => present && values.Contains(value!),
            "NotIn" => !present || !values.Contains(value!),
            "Exists" => present,
            "DoesNotExist" => !present,
            var other => throw new ArgumentException($"Unknown selector operator {other}."),
        };
    }
}
