using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Shop.Tests.Contract;

/// <summary>
/// The committed documents as one contract: which operation a request hit, whether the response's status is listed
/// for it, and whether its content type and body match what the document says.
/// </summary>
internal sealed class OpenApiContract
{
    private readonly List<Operation> _operations;

    private OpenApiContract(List<Operation> operations) => _operations = operations;

    public static OpenApiContract Committed { get; } = Load();

    /// <summary>What breaks the contract in this response to <paramref name="method"/> <paramref name="path"/>; empty when nothing does, or when no document has the path.</summary>
    public IReadOnlyList<string> Violations(string method, string path, int status, string? mediaType, string body)
    {
        var operation = _operations.FirstOrDefault(candidate => candidate.Method == method && candidate.Path.IsMatch(path));
        if (operation is null)
        {
            return [];
        }

        var where = $"{method} {operation.Template} ({operation.Service}.json) answered {status}";
        if (operation.Responses[$"{status}"] is not JsonObject response)
        {
            return [$"{where}, a status the document does not list."];
        }

        if (response["content"] is not JsonObject content || content.Count == 0)
        {
            return body.Length == 0 ? [] : [$"{where} with a body, where the document lists none."];
        }

        if (mediaType is null || content[mediaType]?["schema"] is not { } schema)
        {
            return [$"{where} as {mediaType ?? "no content"}, where the document lists {string.Join(", ", content.Select(entry => entry.Key))}."];
        }

        using var json = JsonDocument.Parse(body.Length == 0 ? "null" : body);
        var result = operation.Schema(schema).Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : [$"{where} with a body that breaks its schema: {string.Join("; ", Errors(result))}\n{body}"];
    }

    private static IEnumerable<string> Errors(EvaluationResults result) =>
        (result.Details ?? [])
            .Where(detail => detail.Errors is { Count: > 0 })
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation} {error.Key}: {error.Value}"))
            .Take(5);

    private static OpenApiContract Load()
    {
        var operations = new List<Operation>();
        foreach (var service in OpenApiDocuments.Services)
        {
            var document = JsonNode.Parse(File.ReadAllText(OpenApiDocuments.PathOf(service)))!.AsObject();
            var components = document["components"]?["schemas"]?.DeepClone() ?? new JsonObject();
            foreach (var (template, item) in document["paths"]!.AsObject())
            {
                foreach (var (method, operation) in item!.AsObject())
                {
                    operations.Add(new Operation(service, method.ToUpperInvariant(), template, operation!["responses"]!.AsObject(), components));
                }
            }
        }

        return new OpenApiContract(operations);
    }

    private sealed record Operation(string Service, string Method, string Template, JsonObject Responses, JsonNode Components)
    {
        // "{id}" matches one path segment; the query string is not part of the path.
        public Regex Path { get; } = new($"^{Regex.Replace(Regex.Escape(Template), @"\\\{[^/]+?\}", "[^/]+")}$", RegexOptions.CultureInvariant);

        // Built once per response schema: every response a test receives is checked against one of these.
        private readonly ConcurrentDictionary<JsonNode, JsonSchema> _schemas = new(ReferenceEqualityComparer.Instance);

        /// <summary>A standalone JSON Schema: the response's schema with the document's components as <c>$defs</c>.</summary>
        public JsonSchema Schema(JsonNode responseSchema) => _schemas.GetOrAdd(responseSchema, Build);

        private JsonSchema Build(JsonNode responseSchema)
        {
            var standalone = new JsonObject
            {
                ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                ["$defs"] = Components.DeepClone(),
                ["allOf"] = new JsonArray(responseSchema.DeepClone()),
            };
            var text = standalone.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
            return JsonSchema.FromText(text);
        }
    }
}
