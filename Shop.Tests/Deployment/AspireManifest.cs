using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Shop.Tests.Deployment;

/// <summary>The committed <c>aspire-manifest.json</c>, read as aspirate reads it.</summary>
internal sealed partial class AspireManifest(JsonObject resources)
{
    /// <summary>The resource types aspirate 9.x deploys; it skips anything else and leaves references to it unresolved.</summary>
    public static readonly IReadOnlySet<string> SupportedTypes = new HashSet<string>
    {
        "project.v0", "project.v1", "container.v0", "container.v1", "dockerfile.v0", "value.v0", "parameter.v0",
    };

    public static string CommittedPath => Path.Combine(ShopTestPaths.RepositoryRoot, "aspire-manifest.json");

    public static AspireManifest Load(string path) =>
        new(JsonNode.Parse(File.ReadAllText(path))!["resources"]!.AsObject());

    public IEnumerable<(string Name, JsonObject Resource)> Resources =>
        resources.Select(pair => (pair.Key, pair.Value!.AsObject()));

    public IEnumerable<(string Name, JsonObject Resource)> OfType(string prefix) =>
        Resources.Where(resource => Type(resource.Resource).StartsWith(prefix, StringComparison.Ordinal));

    public JsonObject? Find(string name) => resources[name]?.AsObject();

    public static string Type(JsonObject resource) => resource["type"]!.GetValue<string>();

    /// <summary>Every <c>{resource.path}</c> placeholder in any string of the manifest, with where it was found.</summary>
    public IEnumerable<(string Owner, string Resource, string Path)> Placeholders() =>
        Resources.SelectMany(resource => Strings(resource.Resource)
            .SelectMany(text => PlaceholderPattern().Matches(text))
            .Select(match => (resource.Name, match.Groups["resource"].Value, match.Groups["path"].Value)));

    /// <summary>A project's environment variables.</summary>
    public IReadOnlyDictionary<string, string> Environment(string project) =>
        Find(project)!["env"]!.AsObject().ToDictionary(pair => pair.Key, pair => pair.Value!.GetValue<string>());

    /// <summary>
    /// The environment variables of <paramref name="resource"/> that carry a secret: those whose value refers to a
    /// secret parameter, directly or through connection strings built on one.
    /// </summary>
    public IReadOnlySet<string> SecretVariables(string resource) =>
        Find(resource)?["env"]?.AsObject()
            .Where(pair => CarriesSecret(pair.Value!.GetValue<string>()))
            .Select(pair => pair.Key)
            .ToHashSet() ?? [];

    /// <summary>
    /// <paramref name="text"/> with its placeholders resolved as aspirate resolves them for a deployment: every resource
    /// is reached by its name, a binding without a <c>targetPort</c> listens on the container default 8080, and
    /// connection strings are resolved recursively. Secret values cannot be resolved here: callers resolve only
    /// variables that carry no secret (<see cref="SecretVariables"/>).
    /// </summary>
    public string Resolve(string text) =>
        PlaceholderPattern().Replace(text, match =>
        {
            var name = match.Groups["resource"].Value;
            var path = match.Groups["path"].Value.Split('.');
            var resource = Find(name) ?? throw new InvalidOperationException($"{match.Value} names no resource.");
            return path switch
            {
                ["connectionString"] => Resolve(resource["connectionString"]!.GetValue<string>()),
                ["bindings", var binding, var property] => ResolveBinding(name, resource["bindings"]![binding]!, property),
                _ => throw new InvalidOperationException($"{match.Value} cannot be resolved without its secret value."),
            };
        });

    private static string ResolveBinding(string host, JsonNode binding, string property)
    {
        var port = binding["targetPort"]?.ToString() ?? "8080";
        return property switch
        {
            "url" => $"{binding["scheme"]}://{host}:{port}",
            "host" => host,
            "port" or "targetPort" => port,
            _ => throw new InvalidOperationException($"aspirate does not resolve a binding's {property}."),
        };
    }

    /// <summary>
    /// The projects whose environment refers to <paramref name="name"/>, directly or through connection strings built
    /// on it: the processes that open connections to it.
    /// </summary>
    public IReadOnlySet<string> Callers(string name) =>
        OfType("project.").Select(project => project.Name).Where(project => project != name && RefersTo(project, name)).ToHashSet();

    /// <summary>
    /// The parameters <paramref name="resource"/>'s environment refers to, directly or through connection strings built
    /// on them: every secret its process can read.
    /// </summary>
    public IReadOnlySet<string> Parameters(string resource) =>
        Resources.Where(parameter => Type(parameter.Resource) == "parameter.v0" && RefersTo(resource, parameter.Name))
            .Select(parameter => parameter.Name)
            .ToHashSet();

    /// <summary>The port a resource serves its callers on: its http binding (8080 unless set) or its tcp binding.</summary>
    public int ServedPort(string name)
    {
        var bindings = Find(name)!["bindings"]!;
        return (bindings["http"] ?? bindings["tcp"])!["targetPort"]?.GetValue<int>() ?? 8080;
    }

    private bool RefersTo(string owner, string target) =>
        Placeholders().Any(placeholder => placeholder.Owner == owner && placeholder.Resource != owner
            && (placeholder.Resource == target
                || (Type(Find(placeholder.Resource)!) == "value.v0" && RefersTo(placeholder.Resource, target))));

    private bool CarriesSecret(string text) =>
        PlaceholderPattern().Matches(text).Any(match =>
            Find(match.Groups["resource"].Value) is { } target
            && (target["inputs"]?["value"]?["secret"]?.GetValue<bool>() == true
                || (match.Groups["path"].Value == "connectionString" && CarriesSecret(target["connectionString"]!.GetValue<string>()))));

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(pair => Strings(pair.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    [GeneratedRegex(@"\{(?<resource>[A-Za-z0-9-]+)\.(?<path>[A-Za-z0-9.-]+)\}")]
    private static partial Regex PlaceholderPattern();
}
