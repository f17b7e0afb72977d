using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Shop.Bench.Tools;

/// <summary>Measures a PostgreSQL server with pgbench's built-in TPC-B-like and select-only scripts.</summary>
public static partial class PgBench
{
    // Each scale unit is 100,000 rows plus their index and vacuum: seconds at scale 1, many minutes at a few thousand.
    private static readonly TimeSpan InitializeTimeout = TimeSpan.FromMinutes(30);

    // pgbench stops on its own after -T; the margin covers connecting all clients and finishing the last transactions.
    private static readonly TimeSpan ExitMargin = TimeSpan.FromSeconds(60);

    /// <summary>Creates the target database unless it exists, connecting to the server's maintenance database.</summary>
    public static async Task CreateDatabaseAsync(PostgresTarget target, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);

        // The name is spliced into CREATE DATABASE, which cannot take a parameter. 63 is PostgreSQL's identifier
        // limit: a longer name would be truncated silently and then never found by the existence check.
        if (!DatabaseName().IsMatch(target.Database))
        {
            throw new ArgumentException($"'{target.Database}' is not a plain lower-case database name.", nameof(target));
        }

        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = target.Host,
            Port = target.Port,
            Username = target.Username,
            Password = target.Password,
            Database = "postgres",
            Pooling = false,
        }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);

        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", target.Database);
        if (await exists.ExecuteScalarAsync(ct) is not null)
        {
            return;
        }

        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database}\"", connection);
        await create.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Creates and fills pgbench's tables at the given scale (100,000 accounts per unit), replacing any old ones.</summary>
    public static async Task InitializeAsync(PostgresTarget target, int scale, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);

        string[] arguments = ["-i", "-q", "-s", scale.ToString(CultureInfo.InvariantCulture), .. ConnectionArguments(target)];
        var output = await ExternalProcess.RunAsync("pgbench", arguments, ClientEnvironment(target), InitializeTimeout, ct);
        output.EnsureSuccess("pgbench -i");
    }

    public static async Task<PgBenchResult> RunAsync(
        PostgresTarget target,
        bool selectOnly,
        int clients,
        int threads,
        TimeSpan duration,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfLessThan(clients, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.FromSeconds(1));

        // -n: the tables were vacuumed by InitializeAsync; pgbench's pre-run vacuum would only add noise.
        List<string> arguments =
        [
            "-n",
            "-c", clients.ToString(CultureInfo.InvariantCulture),
            "-j", threads.ToString(CultureInfo.InvariantCulture),
            "-T", ((int)Math.Ceiling(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
        ];
        if (selectOnly)
        {
            arguments.Add("-S");
        }

        arguments.AddRange(ConnectionArguments(target));

        var output = await ExternalProcess.RunAsync("pgbench", arguments, ClientEnvironment(target), duration + ExitMargin, ct);
        var report = output.EnsureSuccess("pgbench").StandardOutput;
        return new PgBenchResult(
            selectOnly ? "select-only" : "tpcb-like",
            clients,
            TransactionsPerSecond: Number(TransactionsPerSecondLine(), report),
            AverageLatencyMs: Number(AverageLatencyLine(), report),
            Transactions: (long)Number(TransactionsProcessedLine(), report));
    }

    // pgbench takes the database name as its last, positional argument.
    private static string[] ConnectionArguments(PostgresTarget target) =>
        ["-h", target.Host, "-p", target.Port.ToString(CultureInfo.InvariantCulture), "-U", target.Username, target.Database];

    // The password travels in the environment, never on a command line that `ps` shows. The C locale keeps pgbench's
    // report in English with '.' decimals whatever the machine's locale, so the patterns below match.
    private static Dictionary<string, string> ClientEnvironment(PostgresTarget target) => new()
    {
        ["PGPASSWORD"] = target.Password,
        ["LC_ALL"] = "C",
    };

    private static double Number(Regex line, string report)
    {
        var match = line.Match(report);
        return match.Success
            ? double.Parse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"pgbench's report has no line matching /{line}/:\n{report}");
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex DatabaseName();

    // "(excluding connections establishing)" is how pgbench before 14 labelled the same figure.
    [GeneratedRegex(
        @"^\s*tps\s*=\s*(?<value>\d+(?:\.\d+)?)\s*\((?:without initial connection time|excluding connections establishing)\)",
        RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex TransactionsPerSecondLine();

    [GeneratedRegex(@"^\s*latency average\s*=\s*(?<value>\d+(?:\.\d+)?)\s*ms", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex AverageLatencyLine();

    // With -t the count reads "processed: 1000/1000"; the first number is what actually ran.
    [GeneratedRegex(
        @"^\s*number of transactions actually processed:\s*(?<value>\d+)",
        RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex TransactionsProcessedLine();
}
