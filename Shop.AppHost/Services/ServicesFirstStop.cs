using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Shop.AppHost.Services;

/// <summary>
/// When the AppHost stops, sends SIGTERM to every project's process at once, waits (up to <see cref="ServicesGrace"/>)
/// until they have exited, then to the other processes it runs: the local PostgreSQL and RabbitMQ scripts and the
/// dashboard. DCP's own stop comes after that and finds them gone or going.
/// <list type="bullet">
/// <item>Left to DCP, which relays a stop one reconciliation at a time, the services got their signal 0.8–1.4 s after
/// the AppHost and the servers 1.0–1.5 s after it, so RabbitMQ's own 1.3 s shutdown began late: a whole stop took
/// 4.3–5.8 s on two cores.</item>
/// <item>Services first, because a service stops in 0.1–0.2 s while its servers answer, closing its broker channels
/// and connections. Signalled together with the servers, one service waited 4 s on a broker that was gone.</item>
/// </list>
/// Containers are left to DCP, and so is everything on Windows, which has no SIGTERM.
/// </summary>
internal sealed partial class ServicesFirstStop(ResourceNotificationService notifications, ILogger<ServicesFirstStop> logger)
    : BackgroundService, IHostedLifecycleService
{
    private static readonly TimeSpan ServicesGrace = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan ExitPoll = TimeSpan.FromMilliseconds(25);

    // The snapshot property under which DCP reports an executable's process id (Aspire's KnownProperties is internal).
    private const string ProcessIdProperty = "executable.pid";

    private const int SigTerm = 15;

    // Resource id -> its running process.
    private readonly ConcurrentDictionary<string, RunningProcess> _running = new();

    /// <summary>How many running processes the stop would signal now.</summary>
    internal int KnownProcesses => _running.Count;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                if (update.Snapshot.State?.Text == KnownResourceStates.Running && ProcessId(update.Snapshot) is { } pid)
                {
                    _running[update.ResourceId] = new RunningProcess(pid, update.Resource is ProjectResource);
                }
                else
                {
                    _running.TryRemove(update.ResourceId, out _);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The AppHost is stopping: StoppingAsync has already signalled every process.
        }
    }

    /// <summary>Runs before any hosted service stops, so before Aspire asks DCP to stop the resources.</summary>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var running = _running.ToArray();
        var projects = running.Where(entry => entry.Value.IsProject).ToArray();
        Signal(projects);

        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        grace.CancelAfter(ServicesGrace);
        try
        {
            while (projects.Any(entry => IsAlive(entry.Value.Pid)))
            {
                await Task.Delay(ExitPoll, grace.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // A service slower than the grace stops alongside its servers; DCP kills what outlasts its own grace.
        }

        Signal(running.Where(entry => !entry.Value.IsProject));
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Signal(IEnumerable<KeyValuePair<string, RunningProcess>> processes)
    {
        foreach (var (resource, process) in processes)
        {
            // A process that has just exited on its own is no failure: DCP reports that, and the stop goes on.
            if (kill(process.Pid, SigTerm) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                LogNotSignalled(logger, resource, process.Pid, errno);
            }
        }
    }

    // Signal 0 checks that the process exists without signalling it. DCP reaps its children at once, so an exited one
    // does not linger as a zombie.
    private static bool IsAlive(int pid) => kill(pid, 0) == 0;

    private static int? ProcessId(CustomResourceSnapshot snapshot) =>
        snapshot.Properties.FirstOrDefault(property => property.Name == ProcessIdProperty)?.Value switch
        {
            int pid => pid,
            long pid => (int)pid,
            string text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) => pid,
            _ => null,
        };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not send SIGTERM to {Resource} (pid {Pid}): errno {Errno}; DCP stops it.")]
    private static partial void LogNotSignalled(ILogger logger, string resource, int pid, int errno);

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code enabled in the AppHost for one int call.
    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
#pragma warning restore SYSLIB1054

    private sealed record RunningProcess(int Pid, bool IsProject);
}

internal static class ServicesFirstStopExtensions
{
    /// <summary>Stops the services, then their servers, as soon as the AppHost stops (run mode only).</summary>
    public static IDistributedApplicationBuilder StopServicesFirst(this IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsRunMode)
        {
            builder.Services.AddHostedService<ServicesFirstStop>();
        }

        return builder;
    }
}
