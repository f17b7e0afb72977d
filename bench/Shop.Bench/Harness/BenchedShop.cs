using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Shop.Bench.Harness;

/// <summary>
/// The real Shop AppHost, started in the benchmark's configuration: a throwaway data directory, any free gateway port,
/// every rate limit raised out of reach (the benchmark measures throughput, not the limiter's refusals) and one
/// inventory instance, so the direct, nginx and gateway paths of the gateway benchmark all end at the same process.
/// </summary>
public sealed class BenchedShop : IAsyncDisposable
{
    public const string AdminEmail = "admin@shop.local";

    public const string Postgres = "postgres";

    public const string Messaging = "messaging";

    public const string Gateway = "gateway";

    public const string Inventory = "inventory";

    /// <summary>The category prefix under which Aspire forwards each resource's console lines: <c>{AppHost}.Resources.{resource}</c>.</summary>
    public const string ResourceLogCategory = "Shop.AppHost.Resources";

    /// <summary>The services' resource names; orders runs its default two instances.</summary>
    public static readonly IReadOnlyList<string> ServiceInstances = ["users", "inventory", "orders", "orders-2", "payments", "notifications", Gateway];

    private static readonly string[] RateLimitPolicies = ["users", "token", "products", "orders", "payments", "notifications", "docs"];

    private const string ExecutablePid = "executable.pid";

    private static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(4);

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(1);

    private readonly DistributedApplication _app;

    private readonly string _dataDirectory;

    private BenchedShop(DistributedApplication app, string dataDirectory, string adminPassword)
    {
        _app = app;
        _dataDirectory = dataDirectory;
        AdminPassword = adminPassword;
    }

    public string AdminPassword { get; }

    public Uri GatewayAddress => _app.GetEndpoint(Gateway, "http");

    public Uri InventoryAddress => _app.GetEndpoint(Inventory, "http");

    public static Task<BenchedShop> StartAsync(CancellationToken ct) => StartAsync([], configureLogging: null, ct);

    /// <summary>
    /// Starts with <paramref name="appHostArguments"/> after the benchmark's own, and <paramref name="configureLogging"/>
    /// applied after its quiet console filters (a provider of its own can still receive what the console leaves out).
    /// </summary>
    public static async Task<BenchedShop> StartAsync(
        IReadOnlyList<string> appHostArguments, Action<ILoggingBuilder>? configureLogging, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(appHostArguments);

        var dataDirectory = Path.Combine(Path.GetTempPath(), "shop-bench", Guid.NewGuid().ToString("N"));
        var adminPassword = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        string[] arguments =
        [
            // Local mode, as every committed figure: with a Docker engine running, auto would measure containers.
            "--Shop:Infrastructure=local",
            "--Shop:GatewayPort=0", "--Shop:EphemeralData=true", $"--Shop:DataDirectory={dataDirectory}",
            "--Shop:Replicas:inventory=1", $"--Parameters:admin-password={adminPassword}",
            .. RateLimitPolicies.Select(policy => $"--Gateway:RateLimits:{policy}:PermitLimit=1000000000"),
            .. appHostArguments,
        ];

        using var startup = CancellationTokenSource.CreateLinkedTokenSource(ct);
        startup.CancelAfter(StartupTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Shop_AppHost>(arguments, startup.Token);
        // The report is the output: resources' own logs and the health checks failing on purpose (the broker outage)
        // would bury it. Warnings of the orchestration itself still show.
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter(ResourceLogCategory, LogLevel.None)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));
        if (configureLogging is not null)
        {
            builder.Services.AddLogging(configureLogging);
        }

        var app = await builder.BuildAsync(startup.Token);
        await app.StartAsync(startup.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(Gateway, startup.Token);
        return new BenchedShop(app, dataDirectory, adminPassword);
    }

    /// <summary>The server's connection string (no database), as the services get it.</summary>
    public async Task<string> PostgresConnectionStringAsync(CancellationToken ct) =>
        await _app.GetConnectionStringAsync(Postgres, ct) ?? throw new InvalidOperationException("postgres has no connection string.");

    /// <summary>Stops a resource with the Aspire stop command and waits until it is down.</summary>
    public async Task StopAsync(string resource, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CommandTimeout);
        await _app.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand, timeout.Token);
        await _app.ResourceNotifications.WaitForResourceAsync(
            resource,
            e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text) || e.Snapshot.State?.Text == "Unknown",
            timeout.Token);
    }

    /// <summary>Starts a stopped resource with the Aspire start command and waits until it reports healthy.</summary>
    public async Task StartAsync(string resource, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CommandTimeout);
        var started = await _app.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, timeout.Token);
        if (!started.Success)
        {
            throw new InvalidOperationException($"Starting {resource} failed: {started.Message}");
        }

        await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
    }

    /// <summary>
    /// The process id of each service instance. The AppHost has DCP start a project's build output (<c>dotnet exec</c>,
    /// <c>WithBuildOutputLaunch</c>), so that process is the service; where it falls back to Aspire's <c>dotnet run</c>,
    /// the service is that launcher's child, whose memory is what the service costs.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> ServiceProcessIdsAsync(CancellationToken ct)
    {
        var pids = new Dictionary<string, int>();
        foreach (var instance in ServiceInstances)
        {
            var launcher = await LauncherProcessIdAsync(instance, ct);
            pids[instance] = LinuxProcess.Children(launcher).DefaultIfEmpty(launcher).First();
        }

        return pids;
    }

    /// <summary>The process DCP started for an executable or project resource (a project's <c>dotnet run</c>, local mode's server scripts).</summary>
    public async Task<int> LauncherProcessIdAsync(string resource, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CommandTimeout);
        var state = await _app.ResourceNotifications.WaitForResourceAsync(
            resource, e => e.Snapshot.Properties.Any(p => p.Name == ExecutablePid), timeout.Token);
        return Convert.ToInt32(state.Snapshot.Properties.First(p => p.Name == ExecutablePid).Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The administrator's connection string of the broker, which may look at every queue.</summary>
    public async Task<string> MessagingConnectionStringAsync(CancellationToken ct) =>
        await _app.GetConnectionStringAsync(Messaging, ct) ?? throw new InvalidOperationException("messaging has no connection string.");

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
