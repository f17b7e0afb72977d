using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Shop.Tests.Integration;

/// <summary>
/// Keeps what the AppHost logs: its own messages (Aspire's categories and Shop.AppHost's), which a user reads on the
/// console of <c>scripts/run.sh</c>, and apart from them each resource's console output, which Aspire forwards to the
/// category <c>{AppHost}.Resources.{resource}</c> one line per message.
/// </summary>
internal sealed class AppHostLog(ConcurrentQueue<AppHostLogEntry> entries, ConcurrentDictionary<string, ConcurrentQueue<string>> resourceLines)
    : ILoggerProvider
{
    private const string ForwardedResourceLogs = ".Resources.";

    public ILogger CreateLogger(string categoryName)
    {
        ArgumentNullException.ThrowIfNull(categoryName);

        var forwarded = categoryName.IndexOf(ForwardedResourceLogs, StringComparison.Ordinal);
        return forwarded < 0
            ? new Logger(message => entries.Enqueue(new AppHostLogEntry(message.Level, categoryName, message.Text)))
            : new Logger(message => resourceLines
                .GetOrAdd(categoryName[(forwarded + ForwardedResourceLogs.Length)..], _ => new ConcurrentQueue<string>())
                .Enqueue(message.Text));
    }

    public void Dispose()
    {
    }

    private sealed class Logger(Action<(LogLevel Level, string Text)> keep) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (IsEnabled(logLevel))
            {
                keep((logLevel, formatter(state, exception)));
            }
        }
    }
}

internal sealed record AppHostLogEntry(LogLevel Level, string Category, string Message)
{
    public override string ToString() => $"{Level} {Category}: {Message}";
}
