using Shop.Tests.Api;
using Shop.Tests.Contract;
using Shop.Tests.Deployment;
using Shop.Tests.Saga;

namespace Shop.Tests.Containers;

/// <summary>
/// Shop as a single-host deployment runs it (docs/deployment-guide.md, "Docker Compose"): the six images built by
/// <c>scripts/app-images.sh</c>, PostgreSQL and RabbitMQ, started by <c>deploy/compose/compose.yaml</c> with secrets
/// from <c>new-secrets.sh</c>. Its own compose project and a random loopback port for the gateway, so it never meets a
/// developer's running Shop; everything it started, volumes included, is removed at the end.
/// </summary>
public sealed class ComposeDeployment : IAsyncLifetime
{
    public const string ImageTag = "test";

    /// <summary>The services built from Shop's own images, gateway included.</summary>
    public static readonly string[] AppServices = ["users", "inventory", "orders", "payments", "notifications", "gateway"];

    private static readonly string ComposeFile = Path.Combine("deploy", "compose", "compose.yaml");

    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(8);

    private static readonly TimeSpan UpTimeout = TimeSpan.FromMinutes(4);

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(1);


    private Uri? _gateway;

    /// <summary>The compose project: its own name, so it never meets a developer's deployment.</summary>
    public string Project { get; } = $"shopcompose{Guid.NewGuid():N}"[..20];

    public string SecretsDirectory { get; } = Directory.CreateTempSubdirectory("shop-compose-secrets-").FullName;

    /// <summary>When <c>docker-compose up</c> was called.</summary>
    public DateTimeOffset UpStartedAt { get; private set; }

    /// <summary>The containers' start and health events from <c>up</c> until the gateway was healthy.</summary>
    public IReadOnlyList<(string Service, string Status, DateTimeOffset At)> StartEvents { get; private set; } = [];

    /// <summary>When every container was healthy (compose waits for the gateway's dependencies, the test for the gateway).</summary>
    public DateTimeOffset UpFinishedAt { get; private set; }

    public ShopApi Api => new(() => GatewayClients.For(_gateway ?? throw new InvalidOperationException("Not started.")));

    private Dictionary<string, string> Environment => new()
    {
        ["SHOP_SECRETS"] = SecretsDirectory,
        ["SHOP_IMAGE_TAG"] = ImageTag,
        ["SHOP_GATEWAY_PORT"] = "127.0.0.1:0",
    };

    public async Task InitializeAsync()
    {
        await RunAsync("bash", ["scripts/app-images.sh", "--tag", ImageTag], BuildTimeout);
        await RunAsync("bash", ["deploy/kubernetes/new-secrets.sh", "--force", "--output", SecretsDirectory], CommandTimeout);

        using var events = new ContainerEventRecorder(Project);
        UpStartedAt = DateTimeOffset.UtcNow;
        await ComposeAsync(["up", "--detach"], UpTimeout);
        var address = (await ComposeAsync(["port", "gateway", "8080"], CommandTimeout)).Trim();
        _gateway = new Uri($"http://{address}");
        var gateway = Assert.Single(await ContainersOfAsync("gateway"));
        await OrderJourney.UntilAsync(
            () => ContainerCli.InspectAsync(gateway, "{{.State.Health.Status}}"), status => status == "healthy", "the gateway to be healthy");
        UpFinishedAt = DateTimeOffset.UtcNow;
        StartEvents = events.Events;
    }

    /// <summary>Runs a <c>docker-compose</c> command on this deployment and returns its output; fails the test if it fails.</summary>
    public Task<string> ComposeAsync(IEnumerable<string> arguments, TimeSpan? timeout = null) =>
        RunAsync("docker-compose", ["--project-name", Project, "--file", ComposeFile, .. arguments], timeout ?? CommandTimeout);

    /// <summary>The ids of the containers running <paramref name="service"/>.</summary>
    public async Task<string[]> ContainersOfAsync(string service) =>
        (await ComposeAsync(["ps", "--quiet", service])).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A value of one of the secret files, e.g. users' <c>Admin__Password</c>.</summary>
    public string Secret(string resource, string name) =>
        File.ReadLines(Path.Combine(SecretsDirectory, $"{resource}.env"))
            .Select(line => line.Split('=', 2))
            .Single(pair => pair[0] == name)[1];

    public async Task DisposeAsync()
    {
        try
        {
            await ComposeAsync(["down", "--volumes", "--remove-orphans", "--timeout", "10"], UpTimeout);
        }
        finally
        {
            Directory.Delete(SecretsDirectory, recursive: true);
        }
    }

    private async Task<string> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var (exitCode, output, errors) = await RepositoryCommand.RunAsync(fileName, arguments, timeout, Environment);
        Assert.True(exitCode == 0, $"{fileName} {string.Join(' ', arguments)} failed ({exitCode}):\n{output}\n{errors}");
        return output;
    }
}

[CollectionDefinition(Name)]
public sealed class ComposeDeploymentCollection : ICollectionFixture<ComposeDeployment>
{
    public const string Name = "Shop from its images (Docker Compose)";
}
