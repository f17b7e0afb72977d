using Npgsql;

namespace Shop.Bench.Harness;

/// <summary>
/// Read-only questions to the services' databases that the API cannot answer cheaply: how many transactions each
/// database has run, and whether an order's effects happened more than once.
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
