using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shop.EventBus;

/// <summary>
/// The one JSON shape of events: camelCase, enums by name. Unknown fields are ignored when reading, so a publisher
/// may add fields without breaking consumers that do not know them yet.
/// </summary>
public static class EventJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
