using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Shop.Bench.Harness;

namespace Shop.Bench.Soak;

/// <summary>
/// Counts what each reported resource (<see cref="SoakResources"/>) writes to its console. Aspire forwards each line to the category
/// <c>{AppHost}.Resources.{resource}</c> as <c>"{LineNumber}: {LineContent}"</c>. The counter keeps tallies per
/// resource, which <see cref="Take"/> hands over and resets, and of the text only each resource's first warnings.
/// </summary>
public sealed class ResourceLogCounter : ILoggerProvider
{
    private const string LineContent = "LineContent";

    private static readonly string CategoryPrefix = BenchedShop.ResourceLogCategory + ".";

    private readonly ConcurrentDictionary<string, Counters> _resources = new();

    /// <summary>Receives every forwarded line at every level, whatever the console shows.</summary>
    public void AddTo(ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.AddProvider(this).AddFilter<ResourceLogCounter>(BenchedShop.ResourceLogCategory, LogLevel.Trace);
    }

    /// <summary>The tallies since the last call, by resource; a resource that wrote nothing has none.</summary>
    public IReadOnlyDictionary<string, ResourceLogTally> Take() =>
        _resources.Select(resource => (resource.Key, Tally: resource.Value.Take()))
            .Where(resource => resource.Tally.Lines > 0)
            .ToDictionary(resource => resource.Key, resource => resource.Tally);

    /// <summary>Forgets everything counted and kept so far: what comes next is what is measured.</summary>
    public void Restart()
    {
        Take();
        foreach (var resource in _resources.Values)
        {
            resource.FirstWarnings.Clear();
        }
    }

    /// <summary>The first warnings of each resource that wrote any since the start or <see cref="Restart"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FirstWarnings() =>
        _resources.Select(resource => (resource.Key, Warnings: resource.Value.FirstWarnings.Read()))
            .Where(resource => resource.Warnings.Count > 0)
            .ToDictionary(resource => resource.Key, resource => resource.Warnings);

    public ILogger CreateLogger(string categoryName)
    {
        ArgumentNullException.ThrowIfNull(categoryName);
        var resource = categoryName.StartsWith(CategoryPrefix, StringComparison.Ordinal) ? categoryName[CategoryPrefix.Length..] : null;
        return resource is not null && SoakResources.IsReported(resource)
            ? new LineCounter(_resources.GetOrAdd(resource, _ => new Counters()))
            : NoLines.Instance;
    }

    public void Dispose()
    {
    }

    private sealed class Counters
    {
        private long _bytes;
        private long _lines;
        private long _warnings;
        private long _retries;
        private long _deadLetters;

        public FirstWarnings FirstWarnings { get; } = new();

        public void Count(string forwarded)
        {
            var written = ResourceLogLine.Written(forwarded);
            var plain = ResourceLogLine.Plain(written);
            Interlocked.Add(ref _bytes, ResourceLogLine.Bytes(written));
            Interlocked.Increment(ref _lines);
            var warning = ResourceLogLine.IsWarningOrWorse(plain);
            FirstWarnings.See(plain, warning);
            if (warning)
            {
                Interlocked.Increment(ref _warnings);
            }

            if (ResourceLogLine.IsRetry(plain))
            {
                Interlocked.Increment(ref _retries);
            }

            if (ResourceLogLine.IsDeadLetter(plain))
            {
                Interlocked.Increment(ref _deadLetters);
            }
        }

        public ResourceLogTally Take() => new(
            Interlocked.Exchange(ref _bytes, 0),
            Interlocked.Exchange(ref _lines, 0),
            Interlocked.Exchange(ref _warnings, 0),
            Interlocked.Exchange(ref _retries, 0),
            Interlocked.Exchange(ref _deadLetters, 0));
    }

    private sealed class LineCounter(Counters counters) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            counters.Count(Line(state) ?? formatter(state, exception));
        }

        // The line as the process wrote it, without the line number the forwarder puts in front.
        private static string? Line<TState>(TState state) =>
            state is IReadOnlyList<KeyValuePair<string, object?>> values
                ? values.FirstOrDefault(value => value.Key == LineContent).Value as string
                : null;
    }

    private sealed class NoLines : ILogger
    {
        public static readonly NoLines Instance = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => false;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }
    }
}
