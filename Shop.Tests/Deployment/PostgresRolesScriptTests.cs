using Npgsql;
using Shop.AppHost.Infrastructure.Security;
using Shop.Tests.Integration;

namespace Shop.Tests.Deployment;

/// <summary>
/// <c>deploy/provision/postgres-roles.sh</c>, run against a real server, leaves each service what run mode's
/// <see cref="PostgresRoleSql"/> leaves it: the same role attributes, database owner and privileges, and the schema and
/// the objects made before the role existed owned by the role. Each role then reaches only its own database, and a
/// second run with a new password rotates it.
/// </summary>
public sealed class PostgresRolesScriptTests(ThrowawayPostgres server) : IClassFixture<ThrowawayPostgres>
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(2);

    private static readonly string Script = Path.Combine("deploy", "provision", "postgres-roles.sh");

    /// <summary>A role run mode provisions, to compare the script's roles with.</summary>
    private const string ReferenceRole = "reference";

    private const string ReferenceDatabase = "referencedb";

    // Quotes, a backslash, a dollar and a semicolon: the script must pass them to PostgreSQL as they are.
    private static Dictionary<string, string> Passwords(string suffix) =>
        ShopResources.ServiceDatabases.Keys.ToDictionary(service => service, service => $"{service} it's \"{suffix}\" \\ $HOME;");

    [Fact]
    public async Task Each_service_gets_the_role_and_database_that_PostgresRoleSql_makes_in_run_mode()
    {
        // Databases with a table from before the roles existed, as a deployment migrated by the superuser has them.
        foreach (var database in ShopResources.ServiceDatabases.Values.Append(ReferenceDatabase))
        {
            await CreateDatabaseWithTableAsync(database);
        }

        await server.ExecuteAsync("postgres", PostgresRoleSql.Role(ReferenceRole, "reference-password"));
        await server.ExecuteAsync("postgres", PostgresRoleSql.Restrict(ReferenceDatabase, ReferenceRole));
        await server.ExecuteAsync(ReferenceDatabase, PostgresRoleSql.OwnSchemaObjects(ReferenceRole));
        await RunScriptAsync(Passwords("first"));

        var expected = await FactsAsync(ReferenceRole, ReferenceDatabase);
        Assert.Contains("relation owner: <role>", expected);
        foreach (var (service, database) in ShopResources.ServiceDatabases)
        {
            Assert.Equal(expected, await FactsAsync(service, database));
        }
    }

    [Fact]
    public async Task Each_role_reaches_only_its_own_database_and_a_new_password_replaces_the_old()
    {
        var passwords = Passwords("first");
        await RunScriptAsync(passwords);

        foreach (var (service, database) in ShopResources.ServiceDatabases)
        {
            Assert.Equal(service, await CurrentUserAsync(service, passwords[service], database));
            foreach (var other in ShopResources.ServiceDatabases.Values.Where(other => other != database))
            {
                var denied = await Assert.ThrowsAsync<PostgresException>(() => CurrentUserAsync(service, passwords[service], other));
                Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
            }
        }

        var rotated = Passwords("second");
        await RunScriptAsync(rotated);

        Assert.Equal("orders", await CurrentUserAsync("orders", rotated["orders"], "ordersdb"));
        var refused = await Assert.ThrowsAsync<PostgresException>(() => CurrentUserAsync("orders", passwords["orders"], "ordersdb"));
        Assert.Equal(PostgresErrorCodes.InvalidPassword, refused.SqlState);
    }

    [Fact]
    public async Task A_missing_password_changes_nothing()
    {
        var passwords = Passwords("partial");
        passwords.Remove("notifications");

        var (exitCode, _, errors) = await RepositoryCommand.RunAsync("bash", [Script], ScriptTimeout, Environment(passwords));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("NOTIFICATIONS_DB_PASSWORD", errors, StringComparison.Ordinal);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => CurrentUserAsync("users", passwords["users"], "usersdb"));
        Assert.Equal(PostgresErrorCodes.InvalidPassword, refused.SqlState);
    }

    private async Task RunScriptAsync(Dictionary<string, string> passwords)
    {
        var (exitCode, output, errors) = await RepositoryCommand.RunAsync("bash", [Script], ScriptTimeout, Environment(passwords));
        Assert.True(exitCode == 0, $"{Script} failed ({exitCode}):\n{output}\n{errors}");
    }

    private Dictionary<string, string> Environment(Dictionary<string, string> passwords)
    {
        var environment = passwords.ToDictionary(pair => $"{pair.Key.ToUpperInvariant()}_DB_PASSWORD", pair => pair.Value);
        environment["PGHOST"] = "127.0.0.1";
        environment["PGPORT"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["PGUSER"] = ThrowawayPostgres.Superuser;
        environment["PGPASSWORD"] = ThrowawayPostgres.SuperuserPassword;
        return environment;
    }

    private async Task CreateDatabaseWithTableAsync(string database)
    {
        await server.ExecuteAsync("postgres", $"DROP DATABASE IF EXISTS {PostgresRoleSql.Identifier(database)}");
        await server.ExecuteAsync("postgres", PostgresRoleSql.CreateDatabase(database, ThrowawayPostgres.Superuser));
        await server.ExecuteAsync(database, "CREATE TABLE before_roles (id serial PRIMARY KEY); CREATE VIEW before_roles_view AS SELECT id FROM before_roles");
    }

    private async Task<string> CurrentUserAsync(string role, string password, string database)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString(role, password, database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_user", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>What the superuser sees of a role and its database, with their names replaced by placeholders.</summary>
    private async Task<List<string>> FactsAsync(string role, string database)
    {
        var facts = new List<string>();
        await using (var connection = new NpgsqlConnection(server.ConnectionString(ThrowawayPostgres.Superuser, ThrowawayPostgres.SuperuserPassword, "postgres")))
        {
            await connection.OpenAsync();
            facts.AddRange(await RowsAsync(connection, """
                SELECT format('role: super %s inherit %s createrole %s createdb %s login %s replication %s bypassrls %s connlimit %s valid until %s member of %s',
                         rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication, rolbypassrls, rolconnlimit, rolvaliduntil,
                         (SELECT count(*) FROM pg_auth_members WHERE member = r.oid))
                FROM pg_roles r WHERE rolname = @role
                UNION ALL
                SELECT format('database: owner %s acl %s', pg_get_userbyid(datdba), datacl) FROM pg_database WHERE datname = @database
                """, role, database));
        }

        await using (var connection = new NpgsqlConnection(server.ConnectionString(ThrowawayPostgres.Superuser, ThrowawayPostgres.SuperuserPassword, database)))
        {
            await connection.OpenAsync();
            facts.AddRange(await RowsAsync(connection, """
                SELECT format('schema owner: %s', pg_get_userbyid(nspowner)) FROM pg_namespace WHERE nspname = 'public'
                UNION ALL
                SELECT DISTINCT format('relation owner: %s', pg_get_userbyid(c.relowner))
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'
                """, role, database));
        }

        return facts.Select(fact => fact.Replace(database, "<database>", StringComparison.Ordinal).Replace(role, "<role>", StringComparison.Ordinal)).Order().ToList();
    }

    private static async Task<List<string>> RowsAsync(NpgsqlConnection connection, string sql, string role, string database)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("role", role);
        command.Parameters.AddWithValue("database", database);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
