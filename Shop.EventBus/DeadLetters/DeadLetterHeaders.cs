using System.Globalization;
using System.Text;

namespace Shop.EventBus.DeadLetters;

/// <summary>The AMQP headers a dead letter carries: why it failed, when, after how many attempts, and where from.</summary>
internal static class DeadLetterHeaders
{
    public const string Error = "x-shop-error";
    public const string FailedAt = "x-shop-failed-at";
    public const string Attempts = "x-shop-attempts";
    public const string RoutingKey = "x-shop-routing-key";
    public const string ReplayedAt = "x-shop-replayed-at";

    private const int MaxErrorLength = 2000;

    public static IDictionary<string, object?> ForFailure(
        IDictionary<string, object?>? original, string routingKey, string error, int attempts, DateTimeOffset failedAt)
    {
        var headers = new Dictionary<string, object?>(original ?? new Dictionary<string, object?>(), StringComparer.Ordinal)
        {
            [Error] = error[..Math.Min(error.Length, MaxErrorLength)],
            [FailedAt] = failedAt.ToString("O", CultureInfo.InvariantCulture),
            [Attempts] = attempts,
            [RoutingKey] = routingKey,
        };
        return headers;
    }

    /// <summary>The headers for a replay: the failure is history, the replay time is recorded.</summary>
    public static IDictionary<string, object?> ForReplay(IDictionary<string, object?>? deadLetter, DateTimeOffset replayedAt)
    {
        var headers = new Dictionary<string, object?>(deadLetter ?? new Dictionary<string, object?>(), StringComparer.Ordinal);
        headers.Remove(Error);
        headers.Remove(FailedAt);
        headers.Remove(Attempts);
        headers[ReplayedAt] = replayedAt.ToString("O", CultureInfo.InvariantCulture);
        return headers;
    }

    /// <summary>Reads a header; AMQP hands strings back as UTF-8 bytes.</summary>
    public static string? Text(IDictionary<string, object?>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value)
            ? value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                null => null,
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            }
            : null;
}
