using Npgsql;
using Shop.Bench.Harness;

namespace Shop.Bench.Soak;

/// <summary>
/// The event bus's tables in every service database: rows, bytes on disk (<c>pg_total_relation_size</c>: the table,
/// its indexes and TOAST) and, for an outbox, the rows not yet sent. A database without the table (users consumes
/// nothing, notifications publishes nothing) has no entry for it.
/// </summary>
public sealed class TableStatisticsReader(string serverConnectionString)
{
    public const string Outbox = "OutboxMessages";

    public const string Inbox = "InboxMessages";

    public async Task<IReadOnlyList<TableSample>> ReadAsync(CancellationToken ct)
    {
        var samples = new List<TableSample>();
        foreach (var database in ServiceDatabases.Names)
        {
            var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database, Pooling = false };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(ct);
            foreach (var table in (string[])[Outbox, Inbox])
            {
                if (await ExistsAsync(connection, table, ct))
                {
                    samples.Add(await ReadAsync(connection, database, table, ct));
                }
            }
        }

        return samples;
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection);
        command.Parameters.AddWithValue("table", $"\"{table}\"");
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<TableSample> ReadAsync(NpgsqlConnection connection, string database, string table, CancellationToken ct)
    {
        // The names are this class's own constants, never input.
        var pending = table == Outbox ? """count(*) FILTER (WHERE "SentAt" IS NULL)""" : "NULL::bigint";
        await using var command = new NpgsqlCommand(
            $"""SELECT count(*), pg_total_relation_size('"{table}"'), {pending} FROM "{table}" """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new TableSample(database, table, reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2));
    }
}

/// <summary>One event-bus table at one moment; <see cref="Pending"/> is the outbox's unsent rows (null for an inbox).</summary>
public sealed record TableSample(string Database, string Table, long Rows, long Bytes, long? Pending)
{
    public string Name => $"{Database}.{Table}";
}
