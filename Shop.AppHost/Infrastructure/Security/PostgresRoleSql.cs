namespace Shop.AppHost.Infrastructure.Security;

/// <summary>
/// The statements that make a service's role and database, run as the superuser, idempotent, so they run on every
/// server start (a password parameter may have changed). deploy/provision/postgres-roles.sh runs the same statements
/// for compose and Kubernetes; a test keeps the two equal.
/// </summary>
public static class PostgresRoleSql
{
    /// <summary>Creates the role, or resets it to exactly these attributes and this password.</summary>
    public static string Role(string role, string password) => $"""
        DO $shop$
        BEGIN
          IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {Literal(role)}) THEN
            CREATE ROLE {Identifier(role)};
          END IF;
        END
        $shop$;
        ALTER ROLE {Identifier(role)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT PASSWORD {Literal(password)};
        """;

    /// <summary>Whether <paramref name="database"/> exists; CREATE DATABASE cannot run inside a DO block.</summary>
    public const string DatabaseExists = "SELECT 1 FROM pg_database WHERE datname = @name";

    public static string CreateDatabase(string database, string owner) =>
        $"CREATE DATABASE {Identifier(database)} OWNER {Identifier(owner)}";

    /// <summary>Gives the database to its owner and closes it to everyone else (PUBLIC may connect to a new database).</summary>
    public static string Restrict(string database, string owner) => $"""
        ALTER DATABASE {Identifier(database)} OWNER TO {Identifier(owner)};
        REVOKE ALL ON DATABASE {Identifier(database)} FROM PUBLIC;
        GRANT CONNECT, TEMPORARY ON DATABASE {Identifier(database)} TO {Identifier(owner)};
        """;

    /// <summary>
    /// Run inside the database: the owner gets the public schema and whatever an earlier superuser-run migration
    /// created there (data from before the roles existed), so migrations as the owner can alter them.
    /// </summary>
    public static string OwnSchemaObjects(string owner) => $$"""
        ALTER SCHEMA public OWNER TO {{Identifier(owner)}};
        DO $shop$
        DECLARE item record;
        BEGIN
          FOR item IN
            SELECT format('ALTER %s public.%I OWNER TO %I',
                     CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
                     c.relname, {{Literal(owner)}}) AS statement
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
              AND pg_get_userbyid(c.relowner) <> {{Literal(owner)}}
              AND NOT (c.relkind = 'S' AND EXISTS (SELECT FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
          LOOP
            EXECUTE item.statement;
          END LOOP;
        END
        $shop$;
        """;

    public static string Identifier(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    public static string Literal(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";
}
