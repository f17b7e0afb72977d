using Npgsql;

namespace Shop.Bench.Harness;

/// <summary>
/// Read-only questions to the services' databases that the API cannot answer cheaply: how many transactions each
/// database has run, whether an order's effects happened more than once, and how big the event bus's tables are.
/// </summary>
public sealed class ServiceDatabases(string serverConnectionString)
{
    public static readonly IReadOnlyList<string> Names = ["usersdb", "inventorydb", "ordersdb", "paymentsdb", "notificationsdb"];

    /// <summary>Committed plus rolled-back transactions per database, as <c>pg_stat_database</c> reports them.</summary>
    public async Task<IReadOnlyDictionary<string, long>> TransactionCountsAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync("postgres", ct);
        await using var command = new NpgsqlCommand(
            "SELECT datname, xact_commit + xact_rollback FROM pg_stat_database WHERE datname = ANY(@names)", connection);
        command.Parameters.AddWithValue("names", Names.ToArray());
        var counts = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    /// <summary>
    /// The next transaction id the server will assign. Only writing transactions take one, and the counter moves at
    /// once, without the statistics' flush delay: the difference between two readings is the writes in between.
    /// </summary>
    public async Task<long> NextTransactionIdAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync("postgres", ct);
        await using var command = new NpgsqlCommand("SELECT txid_snapshot_xmax(txid_current_snapshot())", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>How many of <paramref name="orders"/> have more than one capture (payments) or confirmation notice (notifications).</summary>
    public async Task<(int Captures, int Notifications)> DuplicatedEffectsAsync(IReadOnlyCollection<Guid> orders, CancellationToken ct) =>
        (await CountDuplicatesAsync("paymentsdb", """SELECT count(*) FROM (SELECT "OrderId" FROM "Payments" WHERE "Status" = 'Captured' AND "OrderId" = ANY(@orders) GROUP BY "OrderId" HAVING count(*) > 1) d""", orders, ct),
         await CountDuplicatesAsync("notificationsdb", """SELECT count(*) FROM (SELECT "OrderId" FROM "Notifications" WHERE "Type" = 'OrderConfirmed' AND "OrderId" = ANY(@orders) GROUP BY "OrderId" HAVING count(*) > 1) d""", orders, ct));

    /// <summary>
    /// Each service database's outbox and inbox: rows, bytes on disk (<c>pg_total_relation_size</c>: the table, its
    /// indexes and TOAST) and, for an outbox, the rows not yet sent. A database without the table (users consumes
    /// nothing, notifications publishes nothing) has no entry for it.
    /// </summary>
    public async Task<IReadOnlyList<TableSample>> EventBusTablesAsync(CancellationToken ct)
    {
        var samples = new List<TableSample>();
        foreach (var database in Names)
        {
            await using var connection = await OpenAsync(database, ct);
            foreach (var table in (string[])[EventBusTable.Outbox, EventBusTable.Inbox])
            {
                if (await TableExistsAsync(connection, table, ct))
                {
                    samples.Add(await ReadTableAsync(connection, database, table, ct));
                }
            }
        }

        return samples;
    }

    private static async Task<bool> TableExistsAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection);
        command.Parameters.AddWithValue("table", $"\"{table}\"");
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<TableSample> ReadTableAsync(NpgsqlConnection connection, string database, string table, CancellationToken ct)
    {
        // The names are EventBusTable's constants, never input.
        var pending = table == EventBusTable.Outbox ? """count(*) FILTER (WHERE "SentAt" IS NULL)""" : "NULL::bigint";
        await using var command = new NpgsqlCommand(
            $"""SELECT count(*), pg_total_relation_size('"{table}"'), {pending} FROM "{table}" """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new TableSample(database, table, reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2));
    }

    private async Task<int> CountDuplicatesAsync(string database, string sql, IReadOnlyCollection<Guid> orders, CancellationToken ct)
    {
        await using var connection = await OpenAsync(database, ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("orders", orders.ToArray());
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<NpgsqlConnection> OpenAsync(string database, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database, Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }
}
