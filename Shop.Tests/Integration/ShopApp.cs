using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Shop.Tests.Api;
using Shop.Tests.Contract;

namespace Shop.Tests.Integration;

/// <summary>
/// The real Shop AppHost started once for a test collection: its own throwaway data directory and a random gateway
/// port, so it never collides with a developer's running instance (which uses :8000 and .shop-data/).
/// </summary>
public abstract class ShopApp : IAsyncLifetime
{
    private readonly ConcurrentQueue<AppHostLogEntry> _appHostLog = new();

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _resourceLines = new();

    private DistributedApplication? _app;

    /// <summary>The admin account's password, set through the AppHost's <c>admin-password</c> parameter.</summary>
    public const string AdminPassword = "integration-admin-password";

    public const string AdminEmail = "admin@shop.local";

    private const string KilledAfterFailedStop = "Unknown";

    private const int StartAttempts = 3;

    public string DataDirectory { get; } = ShopTestPaths.NewDataDirectory();

    /// <summary>The users service's token-signing key (the <c>jwt-signing-key</c> parameter), so tests can mint tokens.</summary>
    public string TokenSigningKey { get; } = TestTokens.NewSigningKey();

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>Each Shop resource's console output from its start until the whole app was healthy.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> StartupLogs { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>A resource's console output so far, from its start.</summary>
    public IReadOnlyList<string> ResourceLog(string resource) => _resourceLines.TryGetValue(resource, out var lines) ? [.. lines] : [];

    /// <summary>What the AppHost itself logged until the whole app was healthy.</summary>
    internal IReadOnlyList<AppHostLogEntry> StartupAppHostLog { get; private set; } = [];

    /// <summary>What the AppHost itself has logged so far.</summary>
    internal IReadOnlyCollection<AppHostLogEntry> AppHostLog => _appHostLog;

    /// <summary>
    /// The infrastructure this app runs on. Always pinned: with a container engine running, <c>auto</c> would move
    /// every test to containers. Local unless a collection says otherwise.
    /// </summary>
    public virtual InfrastructureMode Infrastructure => InfrastructureMode.Local;

    /// <summary>Extra AppHost settings; they override the defaults below.</summary>
    protected virtual IEnumerable<string> Settings => [];

    /// <summary>
    /// Every gateway rate limit raised out of reach: a test run signs in dozens of users from one IP within a minute.
    /// Tests of the limits themselves lower one in their own app (<see cref="Settings"/>).
    /// </summary>
    private static IEnumerable<string> RaisedRateLimits =>
        ShopResources.RateLimitPolicies.Select(policy => $"--Gateway:RateLimits:{policy}:PermitLimit=1000000");

    /// <summary>
    /// Every commit wakes an outbox relay; the poll is only the net for a writer that stopped right after committing.
    /// Ten minutes is past every test's wait, so a test whose events went out only through the poll fails.
    /// </summary>
    private const string RelayPollOutOfReach = "--Messaging:OutboxPollInterval=00:10:00";

    public async Task InitializeAsync()
    {
        using var startup = new CancellationTokenSource(TestContext.StartupTimeout);
        string[] arguments =
        [
            "--Shop:GatewayPort=0", "--Shop:EphemeralData=true", $"--Shop:DataDirectory={DataDirectory}",
            $"--Shop:Infrastructure={Infrastructure.ToString().ToLowerInvariant()}",
            $"--Parameters:admin-password={AdminPassword}", $"--Parameters:jwt-signing-key={TokenSigningKey}", .. RaisedRateLimits,
            RelayPollOutOfReach, .. Settings,
        ];

        // The testing builder runs no dashboard, so the AppHost gives the services no OTLP endpoint
        // (WithOtlpOnlyToDashboard): a dead one made their shutdown flush outlast DCP's 6 s stop grace.
        // Test clients have no resilience handler: a retry would hide a 5xx or a slow answer the tests must see.
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Shop_AppHost>(arguments, startup.Token);
        builder.Services.AddLogging(logging => logging.AddProvider(new AppHostLog(_appHostLog, _resourceLines)));
        Shape(builder);

        _app = await builder.BuildAsync(startup.Token);
        await _app.StartAsync(startup.Token);
        foreach (var resource in builder.Resources.Select(resource => resource.Name).Intersect(ShopResources.All))
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, startup.Token);
        }

        StartupAppHostLog = [.. _appHostLog];
        StartupLogs = _resourceLines.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)[.. pair.Value]);
    }

    /// <summary>Changes the AppHost's resources before it is built; every remaining Shop resource is awaited healthy.</summary>
    protected virtual void Shape(IDistributedApplicationTestingBuilder builder)
    {
    }

    /// <summary>
    /// Stops a resource with the Aspire stop command and waits until it is down. DCP signals both the `dotnet run`
    /// wrapper and the service; the service then sometimes needs more than DCP's 6 s grace, DCP kills it, answers
    /// "failed" and leaves the state "Unknown". The resource is down either way, which is what callers need.
    /// </summary>
    public async Task StopResourceAsync(string resource)
    {
        await App.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand, TestContext.Timeout);
        await App.ResourceNotifications.WaitForResourceAsync(
            resource,
            e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text) || e.Snapshot.State?.Text == KilledAfterFailedStop,
            TestContext.Timeout);
    }

    /// <summary>
    /// Starts a stopped resource with the Aspire start command and waits until it reports healthy. DCP now and then
    /// answers a start after a stop with "FailedToStart" before the process even ran (Aspire's own test of this is
    /// quarantined: microsoft/aspire#15777); a second start command then works, so that case alone is retried.
    /// </summary>
    public async Task StartResourceAsync(string resource)
    {
        for (var attempt = 1; ; attempt++)
        {
            var started = await App.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, TestContext.Timeout);
            Assert.True(started.Success, started.Message);
            var outcome = await App.ResourceNotifications.WaitForResourceAsync(
                resource,
                e => e.Snapshot.State?.Text == KnownResourceStates.FailedToStart
                    || (e.Snapshot.State?.Text == KnownResourceStates.Running && e.Snapshot.HealthStatus == HealthStatus.Healthy),
                TestContext.Timeout);
            if (outcome.Snapshot.State?.Text != KnownResourceStates.FailedToStart || attempt == StartAttempts)
            {
                await App.ResourceNotifications.WaitForResourceHealthyAsync(resource, TestContext.Timeout);
                return;
            }
        }
    }

    /// <summary>Stops every instance of a service (see <see cref="ShopResources.InstancesOf"/>).</summary>
    public async Task StopServiceAsync(string service)
    {
        foreach (var instance in ShopResources.InstancesOf(service))
        {
            await StopResourceAsync(instance);
        }
    }

    /// <summary>Starts every instance of a stopped service and waits until each is healthy.</summary>
    public async Task StartServiceAsync(string service)
    {
        foreach (var instance in ShopResources.InstancesOf(service))
        {
            await StartResourceAsync(instance);
        }
    }

    /// <summary>A client for the gateway, the only endpoint a user of Shop talks to; it checks every answer against the API's contract.</summary>
    public HttpClient CreateGatewayClient() => GatewayClients.For(App.GetEndpoint(ShopResources.Gateway, "http"));

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }
}
