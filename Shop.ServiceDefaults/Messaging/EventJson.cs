using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Shop.ServiceDefaults.Messaging;

/// <summary>
/// The one JSON shape of events: camelCase, enums by name. Unknown fields are ignored when reading, so a publisher
/// may add fields without breaking consumers that do not know them yet.
/// </summary>
public static class EventJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly();
        return options;
    }
}
