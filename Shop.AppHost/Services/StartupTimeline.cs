using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Shop.AppHost.Services;

/// <summary>
/// Where the seconds until "Shop is ready." went (issue 18): for every resource, when it began waiting for what it
/// depends on, when its process started, and when it applied its migrations, finished its warm-ups and turned healthy, from Aspire's
/// resource states and the services' own log lines ("Migrations and seed of … applied", "Warmed up in …"), timed by
/// the time DCP read each line. Logged once the gateway turns healthy, and written as JSON to
/// <see cref="FileSetting"/> when set (scripts/bench.sh reads it).
/// </summary>
internal sealed partial class StartupTimeline(
    StartupTimelineOptions options,
    ResourceNotificationService notifications,
    ResourceLoggerService logs,
    IConfiguration configuration,
    IHostApplicationLifetime lifetime,
    ILogger<StartupTimeline> logger)
{
    public const string FileSetting = "Shop:StartupTimelineFile";

    private const string MigratedLine = "Migrations and seed of ";

    private const string WarmedUpLine = "Warmed up in ";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly DateTimeOffset _appHostStarted = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    // Written only by the watch loop; each log watcher gets its resource's Marks, which it locks.
    private readonly Dictionary<string, Marks> _marks = new(StringComparer.Ordinal);

    /// <summary>
    /// Starts watching; called before the resources start. A hosted service would start too late: the AppHost starts
    /// its own hosted services only once the orchestrator has started every resource, and a resource's log lines are
    /// kept only while someone watches them.
    /// </summary>
    public void Start() => _ = Task.Run(() => WatchAsync(lifetime.ApplicationStopping));

    private async Task WatchAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WatchUntilReadyAsync(stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(logger, exception);
        }
    }

    private async Task WatchUntilReadyAsync(CancellationToken stoppingToken)
    {
        using var watchingLogs = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var logWatchers = new List<Task>();
        try
        {
            await foreach (var resourceEvent in notifications.WatchAsync(stoppingToken))
            {
                if (resourceEvent.Resource is not (ProjectResource or ExecutableResource or ContainerResource) || resourceEvent.Snapshot.IsHidden)
                {
                    continue;
                }

                var name = resourceEvent.Resource.Name;
                if (!_marks.TryGetValue(name, out var marks))
                {
                    // A resource's first event comes before its process writes anything.
                    marks = _marks[name] = new Marks();
                    if (resourceEvent.Resource is ProjectResource)
                    {
                        // Logs are kept by the instance's id (DCP's name), not the resource's.
                        logWatchers.Add(WatchLogAsync(resourceEvent.ResourceId, marks, watchingLogs.Token));
                    }
                }

                Observe(marks, resourceEvent.Snapshot);
                if (name == options.Gateway && marks.Healthy is not null)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return; // stopped before the gateway turned healthy: there is no start-up to report
        }
        finally
        {
            await watchingLogs.CancelAsync();
            await Task.WhenAll(logWatchers);
        }

        await ReportAsync(stoppingToken);
    }

    private void Observe(Marks marks, CustomResourceSnapshot snapshot)
    {
        var now = Since(DateTimeOffset.UtcNow);
        lock (marks)
        {
            switch (snapshot.State?.Text)
            {
                case var state when state == KnownResourceStates.Waiting:
                    marks.Waiting ??= now;
                    break;
                case var state when state == KnownResourceStates.Running:
                    marks.Started ??= snapshot.StartTimeStamp is { } started ? Since(started) : now;
                    break;
            }

            if (snapshot.HealthStatus == HealthStatus.Healthy && marks.Started is not null)
            {
                marks.Healthy ??= now;
            }
        }
    }

    private async Task WatchLogAsync(string resourceId, Marks marks, CancellationToken ct)
    {
        try
        {
            await foreach (var batch in logs.WatchAsync(resourceId).WithCancellation(ct))
            {
                foreach (var line in batch)
                {
                    var read = DcpTimestamp(line.Content) ?? DateTimeOffset.UtcNow;
                    lock (marks)
                    {
                        if (line.Content.Contains(MigratedLine, StringComparison.Ordinal))
                        {
                            marks.Migrated ??= Since(read);
                        }
                        else if (line.Content.Contains(WarmedUpLine, StringComparison.Ordinal))
                        {
                            marks.WarmedUp ??= Since(read);
                        }
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The gateway is healthy: every service has migrated and warmed up by then.
        }
    }

    private async Task ReportAsync(CancellationToken ct)
    {
        var timeline = _marks
            .Select(pair => pair.Value.For(pair.Key))
            .OrderBy(resource => resource.Healthy ?? double.MaxValue)
            .ToList();
        var table = Table(timeline);
        LogTimeline(logger, table);

        if (configuration[FileSetting] is { Length: > 0 } file)
        {
            await using var stream = File.Create(file);
            await JsonSerializer.SerializeAsync(stream, new { AppHostStartedAtUnixMs = _appHostStarted.ToUnixTimeMilliseconds(), Resources = timeline }, Json, ct);
        }
    }

    private static string Table(IEnumerable<ResourceStartup> timeline)
    {
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"{"",6}{"resource",-16}{"waiting",9}{"started",9}{"migrated",9}{"warmed up",10}{"healthy",9}");
        foreach (var resource in timeline)
        {
            table.Append('\n').Append(CultureInfo.InvariantCulture,
                $"{"",6}{resource.Resource,-16}{Cell(resource.Waiting),9}{Cell(resource.Started),9}{Cell(resource.Migrated),9}{Cell(resource.WarmedUp),10}{Cell(resource.Healthy),9}");
        }

        return table.ToString();
    }

    private static string Cell(double? seconds) => seconds?.ToString("F1", CultureInfo.InvariantCulture) ?? "-";

    private double Since(DateTimeOffset moment) => Math.Round((moment - _appHostStarted).TotalSeconds, 2);

    // DCP puts the time it read a line in front of it: "2026-01-01T12:00:00.0000000Z ...".
    private static DateTimeOffset? DcpTimestamp(string content)
    {
        var match = DcpTimestampPattern().Match(content);
        return match.Success && DateTimeOffset.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var read)
            ? read
            : null;
    }

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z) ")]
    private static partial Regex DcpTimestampPattern();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The start-up timeline could not be recorded")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Start-up, in seconds since the AppHost process started:\n{Timeline}")]
    private static partial void LogTimeline(ILogger logger, string timeline);

    private sealed class Marks
    {
        public double? Waiting { get; set; }

        public double? Started { get; set; }

        public double? Migrated { get; set; }

        public double? WarmedUp { get; set; }

        public double? Healthy { get; set; }

        public ResourceStartup For(string resource)
        {
            lock (this)
            {
                return new ResourceStartup(resource, Waiting, Started, Migrated, WarmedUp, Healthy);
            }
        }
    }
}
