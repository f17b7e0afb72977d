using Npgsql;

namespace Shop.Bench.BusPeer;

/// <summary>The peer's own database on the benchmark's PostgreSQL server, made fresh for each run and dropped after.</summary>
public static class PeerDatabase
{
    public static string ConnectionString(string serverConnectionString, string database) =>
        new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database }.ConnectionString;

    public static async Task RecreateAsync(string serverConnectionString, string database, CancellationToken ct)
    {
        await DropAsync(serverConnectionString, database, ct);
        await ExecuteAsync(serverConnectionString, $"CREATE DATABASE \"{database}\"", ct);
    }

    public static Task DropAsync(string serverConnectionString, string database, CancellationToken ct) =>
        ExecuteAsync(serverConnectionString, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", ct);

    public static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<long> CountReceiptsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{ReceiptModel.Table}\"", connection);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
