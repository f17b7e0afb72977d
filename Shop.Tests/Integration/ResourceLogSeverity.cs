using System.Text.RegularExpressions;

namespace Shop.Tests.Integration;

/// <summary>
/// Reads the severity of a console log line the way each of Shop's processes writes it: .NET's console formatter
/// (<c>warn:</c>, <c>fail:</c>, <c>crit:</c>), PostgreSQL (<c>WARNING:</c>, <c>ERROR:</c>, <c>FATAL:</c>, <c>PANIC:</c>)
/// and RabbitMQ (<c>[warning]</c>, <c>[error]</c>, …).
/// </summary>
internal static partial class ResourceLogSeverity
{
    /// <summary>Whether an operator reading <paramref name="line"/> would see a warning or worse.</summary>
    public static bool IsWarningOrWorse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);

        var text = AnsiEscape().Replace(line, string.Empty);
        return DotNetWarningOrWorse().IsMatch(text) || PostgresWarningOrWorse().IsMatch(text) || RabbitMQWarningOrWorse().IsMatch(text);
    }

    // Colours: Aspire lets the services write them although their output is redirected.
    [GeneratedRegex(@"\x1B\[[0-9;]*m")]
    private static partial Regex AnsiEscape();

    // At the start of the line (after the timestamp DCP may add), not anywhere in a message's text.
    [GeneratedRegex(@"^(\d{4}-\d\d-\d\dT[\d:.]+Z\s+)?(warn|fail|crit): ")]
    private static partial Regex DotNetWarningOrWorse();

    [GeneratedRegex(@"\b(WARNING|ERROR|FATAL|PANIC):\s")]
    private static partial Regex PostgresWarningOrWorse();

    [GeneratedRegex(@"\[(warning|error|critical|alert|emergency)\]")]
    private static partial Regex RabbitMQWarningOrWorse();
}
