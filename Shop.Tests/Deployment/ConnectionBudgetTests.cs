using System.Globalization;
using Shop.Tests.Integration;

namespace Shop.Tests.Deployment;

/// <summary>
/// PostgreSQL's connections are budgeted in the overlay's files: every service at its autoscaler's maximum, plus the
/// pod a rollout surges, each holding its whole pool, still leaves headroom below <c>max_connections</c>
/// (docs/deployment-guide.md, "Connection budget").
/// </summary>
public sealed class ConnectionBudgetTests
{
    /// <summary>
    /// Connections kept free beyond superuser_reserved_connections for psql, a metrics exporter, a migration tool, the
    /// provisioning Job's superuser connection (deploy/provision/postgres-roles.sh), and the pool of a terminating pod
    /// (closed within its 5 s preStop and 5 s shutdown).
    /// </summary>
    private const int MinimumHeadroom = 20;

    private const string PostgresArguments = "/spec/template/spec/containers/0/args";

    private readonly AspireManifest _manifest = AspireManifest.Load(AspireManifest.CommittedPath);

    private readonly OverlayFiles _overlay = new();

    [Fact]
    public void Every_database_client_has_a_pool_size_and_an_autoscaler()
    {
        var clients = _manifest.Callers(ShopResources.Postgres);

        Assert.Equal(ShopResources.ServiceDatabases.Keys.Order(), clients.Order());
        Assert.All(clients, client =>
        {
            Assert.True(PoolSize(client) > 0, $"{client} has no explicit pool size.");
            Assert.True(MaxReplicas(client) > 0, $"{client} has no autoscaler.");
        });
    }

    [Fact]
    public void The_services_at_their_autoscalers_maximum_fit_in_max_connections()
    {
        var maxConnections = PostgresSetting("max_connections");
        var reserved = PostgresSetting("superuser_reserved_connections");

        var services = _manifest.Callers(ShopResources.Postgres)
            .Sum(client => (MaxReplicas(client) + MaxSurge(client)) * PoolSize(client));

        Assert.True(
            services + reserved + MinimumHeadroom <= maxConnections,
            $"{services} service connections + {reserved} reserved + {MinimumHeadroom} headroom exceed max_connections {maxConnections}.");
    }

    private int PoolSize(string service) =>
        _overlay.PatchedValue("ConfigMap", $"{service}-env", "/data/Shop__Database__MaxPoolSize") is { } pool ? Yaml.Int(pool) : 0;

    private int MaxReplicas(string deployment) =>
        _overlay.Objects("HorizontalPodAutoscaler")
            .Where(autoscaler => autoscaler["spec"]["scaleTargetRef"]["name"].ToString() == deployment)
            .Select(autoscaler => Yaml.Int(autoscaler["spec"]["maxReplicas"]))
            .SingleOrDefault();

    private int MaxSurge(string deployment) =>
        Yaml.Int(_overlay.PatchedValue("Deployment", deployment, "/spec/strategy")!["rollingUpdate"]["maxSurge"]);

    /// <summary>A server setting passed to postgres as <c>-c name=value</c> by the postgres patch.</summary>
    private int PostgresSetting(string name)
    {
        var arguments = Yaml.Sequence(_overlay.PatchedValue("StatefulSet", ShopResources.Postgres, PostgresArguments)!).Select(argument => argument.ToString());
        var setting = Assert.Single(arguments, argument => argument.StartsWith($"{name}=", StringComparison.Ordinal));
        return int.Parse(setting[(name.Length + 1)..], CultureInfo.InvariantCulture);
    }
}
