using System.Text;
using System.Text.RegularExpressions;

namespace Shop.Bench.Soak;

/// <summary>
/// One console line of a resource as Aspire forwards it: DCP puts the time it read the line in front
/// (<c>2026-01-01T12:00:00.0000000Z </c>), which is not part of what the process wrote, and .NET processes colour their
/// level names with ANSI escapes even into a pipe.
/// </summary>
public static partial class ResourceLogLine
{
    // The consumer's retry warning: "Handling {EventType} {EventId} failed (attempt {Attempt} of {MaxAttempts}); retrying in {Delay}".
    private const string Retry = "failed (attempt";

    // The consumer's error when it gives up: "Handling {EventType} {EventId} failed {Attempts} times; moved to the dead-letter queue".
    private const string DeadLetter = "moved to the dead-letter queue";

    /// <summary>The line as the process wrote it: without DCP's timestamp.</summary>
    public static string Written(string forwarded)
    {
        ArgumentNullException.ThrowIfNull(forwarded);
        var timestamp = DcpTimestamp().Match(forwarded);
        return timestamp.Success ? forwarded[timestamp.Length..] : forwarded;
    }

    /// <summary>The text a reader sees: without colour escapes.</summary>
    public static string Plain(string written) => AnsiEscape().Replace(written, string.Empty);

    /// <summary>The bytes the process wrote for the line: its UTF-8 text, escapes included, and the newline.</summary>
    public static int Bytes(string written) => Encoding.UTF8.GetByteCount(written) + 1;

    public static bool IsRetry(string plain) => plain.Contains(Retry, StringComparison.Ordinal);

    public static bool IsDeadLetter(string plain) => plain.Contains(DeadLetter, StringComparison.Ordinal);

    /// <summary>
    /// .NET's console formatter starts a message's first line with its level (<c>warn:</c>, <c>fail:</c>,
    /// <c>crit:</c>), so each warning or worse is counted once, not once per line of its text.
    /// </summary>
    public static bool IsWarningOrWorse(string plain) =>
        plain.StartsWith("warn: ", StringComparison.Ordinal) || plain.StartsWith("fail: ", StringComparison.Ordinal) || plain.StartsWith("crit: ", StringComparison.Ordinal);

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT[\d:.]+Z ")]
    private static partial Regex DcpTimestamp();

    [GeneratedRegex(@"\x1B\[[0-9;]*m")]
    private static partial Regex AnsiEscape();
}
