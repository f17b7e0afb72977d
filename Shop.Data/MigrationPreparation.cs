using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Shop.Data;

/// <summary>
/// What a first start needs before EF Core migrates, done so that nothing fails on the way: EF Core's own path connects
/// to the missing database, then reads a history table that does not exist yet (the Npgsql provider assumes it does:
/// npgsql/efcore.pg#3407), and logs each of those failures at Error level on every first start of a deployment.
/// </summary>
internal static class MigrationPreparation
{
    /// <summary>EF Core's history table, before EF Core reads it; under the <see cref="MigrationLock"/>.</summary>
    public static Task CreateHistoryTableIfMissingAsync(DbContext context, CancellationToken ct) =>
        context.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);

    /// <summary>Asks the server's catalog, then creates the database if it is not there.</summary>
    public static async Task CreateDatabaseIfMissingAsync(DbContext context, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        var settings = new NpgsqlConnectionStringBuilder(connection.ConnectionString);
        var database = settings.Database ?? throw new InvalidOperationException("The connection string names no database.");

        // The maintenance database, as EF Core's creator uses it; CloneWith keeps the password. Unpooled: one query, once.
        settings.Database = "postgres";
        settings.Pooling = false;
        await using (var maintenance = connection.CloneWith(settings.ConnectionString))
        {
            await maintenance.OpenAsync(ct);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", maintenance)
            {
                Parameters = { new NpgsqlParameter { Value = database } },
            };
            if (await exists.ExecuteScalarAsync(ct) is not null)
            {
                return;
            }
        }

        try
        {
            await context.GetService<IRelationalDatabaseCreator>().CreateAsync(ct);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another replica created it first.
        }
    }
}
