using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Shop.Tests.Containers;

/// <summary>
/// Records the start and health events of a compose project's containers as they happen. Asking the engine afterwards
/// does not work: it keeps only its last 256 events, and every health check adds three.
/// </summary>
internal sealed class ContainerEventRecorder : IDisposable
{
    private readonly Process _events;

    private readonly ConcurrentQueue<string> _lines = new();

    public ContainerEventRecorder(string project)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "events", "--filter", "type=container", "--filter", "event=start", "--filter", "event=health_status",
            "--filter", $"label=com.docker.compose.project={project}",
            "--format", "{{index .Actor.Attributes \"com.docker.compose.service\"}}|{{.Status}}|{{.TimeNano}}",
        })
        {
            start.ArgumentList.Add(argument);
        }

        _events = Process.Start(start)!;
        _events.OutputDataReceived += (_, line) =>
        {
            if (!string.IsNullOrEmpty(line.Data))
            {
                _lines.Enqueue(line.Data);
            }
        };
        _events.BeginOutputReadLine();
    }

    /// <summary>The events so far, oldest first: the compose service, the status ("start", "health_status: healthy") and when.</summary>
    public (string Service, string Status, DateTimeOffset At)[] Events =>
        [.. _lines.Select(line => line.Split('|')).Select(parts =>
            (parts[0], parts[1], DateTimeOffset.UnixEpoch.AddTicks(long.Parse(parts[2], CultureInfo.InvariantCulture) / 100)))];

    public void Dispose()
    {
        _events.Kill();
        _events.Dispose();
    }
}
