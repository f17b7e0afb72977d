using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Shop.Tests.Deployment;

/// <summary>
/// A PostgreSQL server of the machine's packages on a free loopback port, with a fresh data directory, started by the
/// script local mode runs it with (Shop.AppHost/Infrastructure/Local/postgres.sh), stopped and removed at the end.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncLifetime
{
    public const string Superuser = "postgres";

    public const string SuperuserPassword = "throwaway-superuser";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(1);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "shop-postgres-roles-" + Guid.NewGuid().ToString("N"));

    private readonly StringBuilder _log = new();

    private Process? _server;

    public int Port { get; } = FreePort();

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(ShopTestPaths.RepositoryRoot, "Shop.AppHost", "Infrastructure", "Local", "postgres.sh"));
        start.Environment["SHOP_PG_BIN"] = BinDirectory();
        start.Environment["SHOP_PG_DATA"] = _dataDirectory;
        start.Environment["SHOP_PG_PORT"] = Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["POSTGRES_PASSWORD"] = SuperuserPassword;
        _server = Process.Start(start)!;
        _server.OutputDataReceived += (_, line) => Append(line.Data);
        _server.ErrorDataReceived += (_, line) => Append(line.Data);
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                await ExecuteAsync("postgres", "SELECT 1");
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline && !_server.HasExited)
            {
                await Task.Delay(200);
            }
            catch (NpgsqlException exception)
            {
                throw new InvalidOperationException($"PostgreSQL did not start:\n{Log}", exception);
            }
        }
    }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public string ConnectionString(string user, string password, string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = IPAddress.Loopback.ToString(),
            Port = Port,
            Username = user,
            Password = password,
            Database = database,
            // Each test connection is opened once: none is left idle on the server or reused across passwords.
            Pooling = false,
        }.ConnectionString;

    /// <summary>Runs <paramref name="sql"/> as the superuser in <paramref name="database"/>.</summary>
    public async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(Superuser, SuperuserPassword, database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            // postgres.sh turns SIGTERM into the server's fast shutdown; a SIGKILL would leave the server running.
            await RepositoryCommand.RunAsync("kill", ["-TERM", _server.Id.ToString(CultureInfo.InvariantCulture)], StartTimeout);
            await _server.WaitForExitAsync();
        }

        _server?.Dispose();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private void Append(string? line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    /// <summary>The newest <c>/usr/lib/postgresql/N/bin</c>, as local mode chooses it.</summary>
    private static string BinDirectory() =>
        Directory.GetDirectories("/usr/lib/postgresql")
            .OrderByDescending(version => int.TryParse(Path.GetFileName(version), out var major) ? major : 0)
            .Select(version => Path.Combine(version, "bin"))
            .First(bin => File.Exists(Path.Combine(bin, "postgres")));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
