using Shop.AppHost.Infrastructure.Security;

namespace Shop.UnitTests.Infrastructure.Security;

/// <summary>The statements' text; what they do on a real server is proven by Shop.Tests' isolation tests.</summary>
public sealed class PostgresRoleSqlTests
{
    [Fact]
    public void A_role_logs_in_and_may_do_nothing_else_on_the_server()
    {
        var sql = PostgresRoleSql.Role("orders", "secret");

        Assert.Contains(
            "ALTER ROLE \"orders\" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT PASSWORD 'secret';",
            sql,
            StringComparison.Ordinal);
        Assert.Contains("CREATE ROLE \"orders\";", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_owner_may_connect_to_its_database()
    {
        var sql = PostgresRoleSql.Restrict("ordersdb", "orders");

        Assert.Contains("ALTER DATABASE \"ordersdb\" OWNER TO \"orders\";", sql, StringComparison.Ordinal);
        Assert.Contains("REVOKE ALL ON DATABASE \"ordersdb\" FROM PUBLIC;", sql, StringComparison.Ordinal);
        Assert.Contains("GRANT CONNECT, TEMPORARY ON DATABASE \"ordersdb\" TO \"orders\";", sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("orders", "\"orders\"")]
    [InlineData("we\"ird", "\"we\"\"ird\"")]
    public void Identifiers_are_quoted(string name, string expected) => Assert.Equal(expected, PostgresRoleSql.Identifier(name));

    [Theory]
    [InlineData("secret", "'secret'")]
    [InlineData("it's", "'it''s'")]
    public void Literals_are_quoted(string value, string expected) => Assert.Equal(expected, PostgresRoleSql.Literal(value));

    [Fact]
    public void A_password_cannot_end_the_statement()
    {
        var sql = PostgresRoleSql.Role("orders", "x'; DROP DATABASE paymentsdb; --");

        Assert.Contains("PASSWORD 'x''; DROP DATABASE paymentsdb; --';", sql, StringComparison.Ordinal);
    }
}
