using Npgsql;
using Shop.Tests.Integration;

namespace Shop.Tests.Saga;

/// <summary>Reads a service's database directly, for effects no API shows (an inbox row, a saga record's state).</summary>
internal static class ServiceDatabase
{
    /// <summary>
    /// The first column of the first row of <paramref name="sql"/>, whose parameter <c>@id</c>, if it has one, is
    /// <paramref name="id"/>; default when none.
    /// </summary>
    public static async Task<T> ScalarAsync<T>(ShopApp shop, string database, string sql, Guid? id = null)
    {
        ArgumentNullException.ThrowIfNull(shop);

        var server = await shop.App.GetConnectionStringAsync(ShopResources.Postgres, TestContext.Timeout);
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(TestContext.Timeout);
        await using var command = new NpgsqlCommand(sql, connection);
        if (id is { } given)
        {
            command.Parameters.AddWithValue("id", given);
        }

        var value = await command.ExecuteScalarAsync(TestContext.Timeout);
        return value is null or DBNull ? default! : (T)value;
    }
}
