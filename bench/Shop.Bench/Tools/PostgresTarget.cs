using Npgsql;

namespace Shop.Bench.Tools;

/// <summary>One database on a PostgreSQL server, with the credentials to reach it.</summary>
public sealed record PostgresTarget(string Host, int Port, string Username, string Password, string Database)
{
    /// <summary>The server and credentials of an Npgsql connection string, pointed at <paramref name="database"/>.</summary>
    public static PostgresTarget FromConnectionString(string npgsqlConnectionString, string database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(npgsqlConnectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(database);

        var builder = new NpgsqlConnectionStringBuilder(npgsqlConnectionString);
        return new PostgresTarget(
            builder.Host ?? throw new ArgumentException("The connection string names no Host.", nameof(npgsqlConnectionString)),
            builder.Port,
            builder.Username ?? throw new ArgumentException("The connection string names no Username.", nameof(npgsqlConnectionString)),
            builder.Password ?? "",
            database);
    }

    // The generated ToString would print the password into whatever log the target ends up in.
    public override string ToString() => $"{Username}@{Host}:{Port}/{Database}";
}
