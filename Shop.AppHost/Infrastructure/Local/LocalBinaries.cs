using Microsoft.Extensions.Configuration;

namespace Shop.AppHost.Infrastructure.Local;

/// <summary>Finds the PostgreSQL and RabbitMQ servers of the machine's packages, or says exactly what to install.</summary>
internal static class LocalBinaries
{
    private const string DebianPostgresRoot = "/usr/lib/postgresql";
    private const string DebianRabbitMQServer = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    /// <summary>The newest <c>/usr/lib/postgresql/N/bin</c> with a server and initdb, unless <c>Shop:Local:PostgresBin</c> names one.</summary>
    public static string PostgresBinDirectory(IConfiguration configuration)
    {
        var candidates = configuration["Shop:Local:PostgresBin"] is { Length: > 0 } configured
            ? [configured]
            : Directory.Exists(DebianPostgresRoot)
                ? Directory.GetDirectories(DebianPostgresRoot)
                    .OrderByDescending(version => int.TryParse(Path.GetFileName(version), out var major) ? major : 0)
                    .Select(version => Path.Combine(version, "bin"))
                    .ToArray()
                : [];

        return candidates.FirstOrDefault(bin => File.Exists(Path.Combine(bin, "postgres")) && File.Exists(Path.Combine(bin, "initdb")))
            ?? throw Missing("PostgreSQL server (postgres, initdb)", "postgresql");
    }

    /// <summary>RabbitMQ's own start script (not Debian's <c>/usr/sbin</c> wrapper, which switches user).</summary>
    public static string RabbitMQServer(IConfiguration configuration)
    {
        var server = configuration["Shop:Local:RabbitMQServer"] is { Length: > 0 } configured ? configured : DebianRabbitMQServer;
        return File.Exists(server) ? server : throw Missing("RabbitMQ server", "rabbitmq-server");
    }

    private static DistributedApplicationException Missing(string what, string package) => new(
        $"Shop:Infrastructure is 'local' (no container runtime answered) but the {what} is not installed. " +
        $"Install it with: sudo apt-get install -y {package}   (scripts/run.sh does this for you), " +
        "or start Docker/Podman and set Shop__Infrastructure=containers.");
}
