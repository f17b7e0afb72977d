using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Npgsql;
using Shop.Tests.Api;
using Shop.Tests.Deployment;
using Shop.Tests.Integration;
using Shop.Tests.Saga;
using Xunit.Abstractions;

namespace Shop.Tests.Containers;

/// <summary>
/// The deploy artifacts, run: Shop's own images under deploy/compose/compose.yaml serve the newcomer's journey through
/// the gateway, lose and double nothing when payments is killed, and hold the settings a deployment relies on.
/// </summary>
[Collection(ComposeDeploymentCollection.Name)]
public sealed class ComposeDeploymentTests(ComposeDeployment deployment, ITestOutputHelper output)
{
    private readonly ShopApi _api = deployment.Api;

    [Fact]
    public async Task Every_app_container_is_healthy_runs_as_app_on_a_read_only_root_and_answers_its_probes()
    {
        foreach (var service in ComposeDeployment.AppServices)
        {
            var container = Assert.Single(await deployment.ContainersOfAsync(service));
            var state = await ContainerCli.InspectAsync(container, "{{.State.Health.Status}} {{.HostConfig.ReadonlyRootfs}} {{.Config.User}}");
            Assert.Equal("healthy true app", state);
            Assert.Equal("1654", await ContainerCli.ExecAsync(container, ["id", "-u"]));

            // The probes Kubernetes uses: the gateway serves them only on its management port.
            var port = service == "gateway" ? 8000 : 8080;
            foreach (var path in new[] { "/alive", "/health" })
            {
                Assert.Equal("HTTP/1.1 200 OK", await ContainerCli.HttpStatusLineAsync(container, port, path));
            }
        }
    }

    [Fact]
    public async Task Only_the_gateways_public_port_is_published()
    {
        foreach (var service in ComposeDeployment.AppServices.Append("postgres").Append("messaging-broker"))
        {
            var container = Assert.Single(await deployment.ContainersOfAsync(service));
            var ports = JsonDocument.Parse(await ContainerCli.InspectAsync(container, "{{json .NetworkSettings.Ports}}")).RootElement;
            var published = ports.EnumerateObject()
                .Where(port => port.Value.ValueKind == JsonValueKind.Array && port.Value.GetArrayLength() > 0)
                .Select(port => port.Name);
            Assert.Equal(service == "gateway" ? ["8080/tcp"] : [], published);
        }
    }

    [Fact]
    public void Each_container_is_healthy_within_a_minute_of_compose_up()
    {
        var started = new Dictionary<string, DateTimeOffset>();
        var healthy = new Dictionary<string, DateTimeOffset>();
        foreach (var (service, status, at) in deployment.StartEvents)
        {
            if (status == "start")
            {
                started.TryAdd(service, at);
            }
            else if (status == "health_status: healthy")
            {
                healthy.TryAdd(service, at);
            }
        }

        foreach (var service in ComposeDeployment.AppServices.Append("postgres").Append("messaging-broker"))
        {
            Assert.True(
                started.ContainsKey(service) && healthy.ContainsKey(service),
                $"{service}: no start or healthy event in [{string.Join(", ", deployment.StartEvents)}]");
            var time = healthy[service] - started[service];
            output.WriteLine($"{service}: healthy {time.TotalSeconds:F1} s after its start ({(started[service] - deployment.UpStartedAt).TotalSeconds:F1} s after compose up)");
            Assert.True(time < TimeSpan.FromMinutes(1), $"{service} took {time} to become healthy.");
        }
    }

    [Fact]
    public async Task A_normal_start_logs_no_warning_or_error()
    {
        foreach (var service in ComposeDeployment.AppServices)
        {
            var container = Assert.Single(await deployment.ContainersOfAsync(service));
            var log = await ContainerCli.LogsAsync(container, until: deployment.UpFinishedAt);
            var errors = log.Split('\n').Where(line =>
                line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal)
                || line.StartsWith("crit:", StringComparison.Ordinal) || line.Contains("Cannot load library", StringComparison.Ordinal)).ToArray();
            Assert.True(errors.Length == 0, $"{service} logged at start:\n{string.Join('\n', errors)}");
        }
    }

    [Fact]
    public async Task A_customer_registers_signs_in_orders_and_is_notified_of_the_confirmation()
    {
        var customer = await _api.NewCustomerAsync("compose customer");
        var order = await _api.PlaceOrderAsync(customer, await _api.AnyProductIdAsync());

        var final = await _api.FinalOrderAsync(customer, order.OrderId);

        Assert.Equal("Confirmed", final.GetProperty("status").GetString());
        Assert.Equal(["Captured"], await _api.PaymentStatusesAsync(customer, order.OrderId));
        await _api.SingleNotificationAboutAsync(customer, order.OrderId, "the confirmation's notification");
    }

    [Fact]
    public async Task Orders_credentials_reach_its_own_database_but_not_inventorys()
    {
        var credentials = new NpgsqlConnectionStringBuilder(deployment.Secret("orders", "ConnectionStrings__ordersdb"));
        var postgres = Assert.Single(await deployment.ContainersOfAsync("postgres"));

        var own = await PsqlAsync(postgres, credentials, "ordersdb");
        var other = await PsqlAsync(postgres, credentials, "inventorydb");

        Assert.Equal((0, "orders"), (own.ExitCode, own.Output.Trim()));
        Assert.NotEqual(0, other.ExitCode);
        Assert.Contains("permission denied for database \"inventorydb\"", other.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_broker_has_no_guest_but_shop_admin_and_one_user_per_service()
    {
        var broker = Assert.Single(await deployment.ContainersOfAsync("messaging-broker"));

        // rabbitmqctl starts an Erlang VM of its own: on a busy machine that takes longer than ContainerCli allows.
        var (exitCode, output, errors) = await RepositoryCommand.RunAsync(
            "docker", ["exec", broker, "rabbitmqctl", "--quiet", "list_users", "--no-table-headers"], TimeSpan.FromMinutes(2));
        Assert.True(exitCode == 0, errors);
        var users = output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t')[0]);

        Assert.Equal(ShopResources.ServiceDatabases.Keys.Append(ShopMessaging.Administrator).Order(), users.Order());
    }

    [Fact]
    public async Task Payments_killed_with_orders_in_flight_loses_and_doubles_nothing()
    {
        var customer = await _api.NewCustomerAsync("compose kill");
        var product = await _api.AnyProductIdAsync();
        var payments = Assert.Single(await deployment.ContainersOfAsync("payments"));
        var orders = new List<Guid>();

        for (var i = 0; i < 6; i++)
        {
            orders.Add((await _api.PlaceOrderAsync(customer, product)).OrderId);
        }

        await ContainerCli.RunAsync(["kill", "--signal", "KILL", payments]);
        for (var i = 0; i < 6; i++)
        {
            orders.Add((await _api.PlaceOrderAsync(customer, product)).OrderId);
        }

        await ContainerCli.RunAsync(["start", payments]);

        // Payments consumes again before the gateway's active probe sees it back; a client's reads wait for that.
        using (var reader = _api.As(customer))
        {
            await Eventually.AssertStatusAsync(
                HttpStatusCode.OK, () => reader.GetAsync($"/api/v1/payments?orderId={orders[0]}", TestContext.Timeout));
        }

        foreach (var orderId in orders)
        {
            var final = await _api.FinalOrderAsync(customer, orderId);
            Assert.Equal("Confirmed", final.GetProperty("status").GetString());
            Assert.Equal(["Captured"], await _api.PaymentStatusesAsync(customer, orderId));
            await _api.SingleNotificationAboutAsync(customer, orderId, $"the notification of order {orderId}");
        }
    }

    [Fact]
    public async Task Each_image_stops_within_5_seconds_of_SIGTERM()
    {
        foreach (var service in ComposeDeployment.AppServices)
        {
            // Alone, without a network: each app starts listening and keeps retrying its dependencies.
            var secrets = service == "gateway" ? [] : new[] { "--env-file", Path.Combine(deployment.SecretsDirectory, $"{service}.env") };
            var container = (await ContainerCli.RunAsync(
                ["run", "--detach", "--read-only", "--tmpfs", "/tmp", "--network", "none", .. secrets, $"shop-{service}:{ComposeDeployment.ImageTag}"])).Trim();
            try
            {
                await OrderJourney.UntilAsync(
                    () => ContainerCli.LogsAsync(container), log => log.Contains("Application started", StringComparison.Ordinal), $"{service} to start");

                var stopping = Stopwatch.StartNew();
                await ContainerCli.RunAsync(["stop", "--time", "5", container]);
                var stopped = stopping.Elapsed;

                output.WriteLine($"{service}: stopped {stopped.TotalSeconds:F1} s after SIGTERM");
                Assert.Equal("0", await ContainerCli.InspectAsync(container, "{{.State.ExitCode}}"));
                Assert.True(stopped < TimeSpan.FromSeconds(5), $"{service} took {stopped} to stop.");
            }
            finally
            {
                await ContainerCli.RunAsync(["rm", "--force", container]);
            }
        }
    }

    /// <summary><c>SELECT current_user</c> through psql in the postgres container, as the given credentials, in <paramref name="database"/>.</summary>
    private static Task<(int ExitCode, string Output, string Errors)> PsqlAsync(string container, NpgsqlConnectionStringBuilder credentials, string database) =>
        RepositoryCommand.RunAsync(
            "docker",
            ["exec", "--env", $"PGPASSWORD={credentials.Password}", container,
                "psql", "--no-psqlrc", "--host=127.0.0.1", $"--username={credentials.Username}", $"--dbname={database}", "--tuples-only", "--no-align", "--command=SELECT current_user"],
            TimeSpan.FromMinutes(1));
}
