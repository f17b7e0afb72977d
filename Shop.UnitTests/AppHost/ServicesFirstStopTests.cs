using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Shop.AppHost.Services;

namespace Shop.UnitTests.AppHost;

/// <summary>
/// Two real processes stand in for a service and its server: each writes down when SIGTERM reached it, and the service
/// takes 300 ms to exit, as a service closing its connections does.
/// </summary>
public sealed class ServicesFirstStopTests : IDisposable
{
    private const string ProcessIdProperty = "executable.pid";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("shop-stop-");

    private readonly List<Process> _processes = [];

    private readonly StoppingLifetime _lifetime = new();

    private readonly ServiceProvider _services = new ServiceCollection().BuildServiceProvider();

    private readonly ResourceNotificationService _notifications;

    private readonly ServicesFirstStop _stop;

    public ServicesFirstStopTests()
    {
        _notifications = new ResourceNotificationService(NullLogger<ResourceNotificationService>.Instance, _lifetime, _services, new ResourceLoggerService());
        _stop = new ServicesFirstStop(_notifications, NullLogger<ServicesFirstStop>.Instance);
    }

    [Fact]
    public async Task A_stop_signals_every_service_at_once_and_their_servers_only_once_the_services_have_exited()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var orders = StartProcess("orders", exitDelay: "0.3");
        var payments = StartProcess("payments", exitDelay: "0.3");
        var postgres = StartProcess("postgres", exitDelay: "0");
        await _stop.StartAsync(timeout.Token);

        await PublishRunningAsync(new ProjectResource("orders"), orders);
        await PublishRunningAsync(new ProjectResource("payments"), payments);
        await PublishRunningAsync(new ExecutableResource("postgres", "bash", _directory.FullName), postgres);
        await UntilAsync(() => _stop.KnownProcesses == 3, timeout.Token);

        await _stop.StoppingAsync(timeout.Token);
        await Task.WhenAll(_processes.Select(process => process.WaitForExitAsync(timeout.Token)));

        Assert.True(ReadTime("orders.signalled") < ReadTime("payments.exited"), "The services were signalled one after the other.");
        Assert.True(ReadTime("payments.signalled") < ReadTime("orders.exited"), "The services were signalled one after the other.");
        Assert.True(
            ReadTime("postgres.signalled") >= Math.Max(ReadTime("orders.exited"), ReadTime("payments.exited")),
            "The server was signalled before every service had exited.");
    }

    [Fact]
    public async Task A_resource_that_stopped_by_itself_is_not_signalled_again()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var orders = StartProcess("orders", exitDelay: "0");
        await _stop.StartAsync(timeout.Token);
        var resource = new ProjectResource("orders");
        await PublishRunningAsync(resource, orders);
        await UntilAsync(() => _stop.KnownProcesses == 1, timeout.Token);

        await _notifications.PublishUpdateAsync(resource, snapshot => snapshot with { State = KnownResourceStates.Exited });
        await UntilAsync(() => _stop.KnownProcesses == 0, timeout.Token);

        await _stop.StoppingAsync(timeout.Token);

        Assert.False(File.Exists(Path.Combine(_directory.FullName, "orders.signalled")));
    }

    public void Dispose()
    {
        _stop.Dispose();
        _notifications.Dispose();
        _services.Dispose();
        _lifetime.Dispose();
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            process.Dispose();
        }

        _directory.Delete(recursive: true);
    }

    // The stop learns of resources from notifications it watches in the background.
    private static async Task UntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(10, cancellationToken);
        }
    }

    private Task PublishRunningAsync(IResource resource, Process process) =>
        _notifications.PublishUpdateAsync(resource, snapshot => snapshot with
        {
            State = KnownResourceStates.Running,
            Properties = [new ResourcePropertySnapshot(ProcessIdProperty, process.Id)],
        });

    // On SIGTERM: note the time, wait exitDelay seconds, note the time again, exit. Bash runs the trap between sleeps.
    private Process StartProcess(string name, string exitDelay)
    {
        var script = $"""
            trap 'date +%s%N > {name}.signalled; sleep {exitDelay}; date +%s%N > {name}.exited; exit 0' TERM
            while :; do sleep 0.02; done
            """;
        var process = Process.Start(new ProcessStartInfo("bash", ["-c", script]) { WorkingDirectory = _directory.FullName })!;
        _processes.Add(process);
        return process;
    }

    // Nanoseconds since the epoch, as the script's `date +%s%N` wrote them.
    private long ReadTime(string file) =>
        long.Parse(File.ReadAllText(Path.Combine(_directory.FullName, file)).Trim(), CultureInfo.InvariantCulture);

    private sealed class StoppingLifetime : IHostApplicationLifetime, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => _stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => _stopping.Cancel();

        public void Dispose() => _stopping.Dispose();
    }
}
