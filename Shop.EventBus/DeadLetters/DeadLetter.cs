using System.Text.Json;

namespace Shop.EventBus.DeadLetters;

/// <summary>A message in the service's dead-letter queue, as the admin endpoint shows it.</summary>
public sealed record DeadLetter(
    string? MessageId, string? Type, string? Error, string? FailedAt, string? Attempts, string? RoutingKey, JsonElement? Body);

/// <summary>How many dead letters were put back on the service's queue.</summary>
public sealed record DeadLetterReplay(int Replayed);
