namespace Shop.Bench.Reporting;

/// <summary>
/// The seconds to ready as consecutive steps, each ending when the last resource of its kind reached it, so that
/// they add up to the whole: <c>dotnet run</c> until the AppHost runs, the servers healthy, the services started,
/// migrated, warmed up and healthy, then the gateway, then the console's "Shop is ready." with the gateway forwarding.
/// </summary>
public static class StartupSteps
{
    public static IReadOnlyList<(string Step, double EndsAt, double Seconds)> From(StartupResult startup)
    {
        ArgumentNullException.ThrowIfNull(startup);

        // Servers neither migrate nor warm up; the gateway warms up but has no database; the services do both.
        var servers = startup.Timeline.Where(resource => resource.Migrated is null && resource.WarmedUp is null).ToList();
        var services = startup.Timeline.Where(resource => resource.Migrated is not null).ToList();
        var gateways = startup.Timeline.Where(resource => resource.Migrated is null && resource.WarmedUp is not null).ToList();
        var offset = startup.AppHostStartedSeconds;
        double Last(IEnumerable<ResourceStartup> resources, Func<ResourceStartup, double?> step) =>
            offset + resources.Max(resource => step(resource) ?? double.NaN);

        (string, double)[] ends =
        [
            ("`dotnet run` checks the build and starts the AppHost", offset),
            ("PostgreSQL and RabbitMQ healthy (the later of the two)", Last(servers, resource => resource.Healthy)),
            ("every service instance's process started (they wait for both servers)", Last(services, resource => resource.Started)),
            ("every service's migrations applied (runtime start, host, migrations)", Last(services, resource => resource.Migrated)),
            ("every service warmed up", Last(services, resource => resource.WarmedUp)),
            ("every service healthy (Aspire polls the health checks)", Last(services, resource => resource.Healthy)),
            ("the gateway's process started (it waits for every service)", Last(gateways, resource => resource.Started)),
            ("the gateway warmed up", Last(gateways, resource => resource.WarmedUp)),
            ("the gateway healthy", Last(gateways, resource => resource.Healthy)),
            ("\"Shop is ready.\" on the console and the gateway forwarding (the benchmark polls every 0.1 s)", startup.GatewayReadySeconds),
        ];

        var steps = new List<(string, double, double)>();
        var previous = 0.0;
        foreach (var (step, endsAt) in ends)
        {
            steps.Add((step, Math.Round(endsAt, 1), Math.Round(endsAt - previous, 1)));
            previous = endsAt;
        }

        return steps;
    }
}
