using System.Text.Json;

namespace Shop.EventBus;

/// <summary>
/// What travels on the broker: the event's unique <see cref="Id"/> (the consumers' duplicate filter), its wire
/// <see cref="Type"/>, when it happened, the W3C trace context it belongs to, and the payload.
/// </summary>
public sealed record EventEnvelope(
    Guid Id, string Type, DateTimeOffset OccurredAt, string? TraceParent, string? TraceState, JsonElement Data)
{
    public byte[] ToUtf8Bytes() => JsonSerializer.SerializeToUtf8Bytes(this, EventJson.Options);

    /// <summary>Reads an envelope; null when the bytes are not one (a poison message).</summary>
    public static EventEnvelope? TryParse(ReadOnlyMemory<byte> body)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<EventEnvelope>(body.Span, EventJson.Options);
            return envelope is { Id: var id, Type: { Length: > 0 }, Data.ValueKind: JsonValueKind.Object } && id != Guid.Empty
                ? envelope
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
