using Npgsql;
using Shop.Tests.Integration;

namespace Shop.Tests.Security;

/// <summary>
/// A service's database login reaches its own database and nothing else, and cannot make itself more (docs/security.md).
/// One subclass per infrastructure mode.
/// </summary>
public abstract class DatabaseIsolationTests(ShopAppFixture shop)
{
    [Theory]
    [InlineData("users")]
    [InlineData("orders")]
    [InlineData("payments")]
    [InlineData("inventory")]
    [InlineData("notifications")]
    public async Task Each_service_logs_in_as_its_own_unprivileged_role_that_owns_its_database(string service)
    {
        await using var connection = await OpenAsync(ServiceCredentials.Of(shop, service).Database);
        await using var command = new NpgsqlCommand(
            """
            SELECT current_user, r.rolsuper, r.rolcreatedb, r.rolcreaterole, r.rolreplication, r.rolbypassrls,
                   pg_get_userbyid(d.datdba)
            FROM pg_roles r, pg_database d
            WHERE r.rolname = current_user AND d.datname = current_database()
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Timeout);
        Assert.True(await reader.ReadAsync(TestContext.Timeout));

        Assert.Equal(service, reader.GetString(0));
        Assert.Equal([false, false, false, false, false], Enumerable.Range(1, 5).Select(reader.GetBoolean));
        Assert.Equal(service, reader.GetString(6));
    }

    [Fact]
    public async Task Orders_cannot_connect_to_the_inventory_database()
    {
        var toInventory = new NpgsqlConnectionStringBuilder(ServiceCredentials.Of(shop, "orders").Database) { Database = "inventorydb" };

        var refused = await Assert.ThrowsAsync<PostgresException>(() => OpenAsync(toInventory.ConnectionString));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Contains("permission denied for database", refused.MessageText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CREATE ROLE shop_intruder LOGIN PASSWORD 'intruder'", "permission denied to create role")]
    [InlineData("CREATE DATABASE shop_intruder", "permission denied to create database")]
    public async Task Orders_cannot_create_a_role_or_a_database(string statement, string expected)
    {
        await using var connection = await OpenAsync(ServiceCredentials.Of(shop, "orders").Database);
        await using var command = new NpgsqlCommand(statement, connection);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(TestContext.Timeout));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Contains(expected, refused.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_service_is_given_the_superuser_password()
    {
        var superuser = new NpgsqlConnectionStringBuilder(await shop.App.GetConnectionStringAsync(ShopResources.Postgres, TestContext.Timeout));
        Assert.False(string.IsNullOrEmpty(superuser.Password));

        foreach (var service in ShopResources.ServiceDatabases.Keys.SelectMany(ShopResources.InstancesOf))
        {
            Assert.True(shop.App.ResourceNotifications.TryGetCurrentState(service, out var resourceEvent));
            Assert.DoesNotContain(resourceEvent.Snapshot.EnvironmentVariables, variable => variable.Value?.Contains(superuser.Password, StringComparison.Ordinal) == true);
        }
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(TestContext.Timeout);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}

[Collection(ShopAppCollection.Name)]
public sealed class LocalDatabaseIsolationTests(ShopAppFixture shop) : DatabaseIsolationTests(shop);
