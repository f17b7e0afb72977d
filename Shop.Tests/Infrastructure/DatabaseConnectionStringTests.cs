using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Shop.Inventory.Data;

namespace Shop.Tests.Infrastructure;

/// <summary>What every service adds to its connection string: a capped pool, and no GSS unless asked for.</summary>
public sealed class DatabaseConnectionStringTests
{
    private const string Configured = "Host=localhost;Database=inventorydb";

    /// <summary>A busy instance cannot take all of PostgreSQL's connections.</summary>
    [Theory]
    [InlineData(null, ShopDbContextExtensions.DefaultMaxPoolSize)]
    [InlineData("30", 30)]
    public void A_services_pool_is_capped(string? configured, int expected)
    {
        var connectionString = ServiceConnectionString(Configured, configured);

        Assert.Equal(expected, connectionString.MaxPoolSize);
        Assert.Equal("inventorydb", connectionString.Database);
    }

    /// <summary>Npgsql would otherwise log an error where libgssapi_krb5 is absent, as in the container images.</summary>
    [Theory]
    [InlineData(Configured, GssEncryptionMode.Disable)]
    [InlineData(Configured + ";GssEncryptionMode=Prefer", GssEncryptionMode.Prefer)]
    [InlineData(Configured + ";GSS Encryption Mode=Require", GssEncryptionMode.Require)]
    public void GSS_encryption_is_off_unless_the_connection_string_sets_it(string configured, GssEncryptionMode expected) =>
        Assert.Equal(expected, ServiceConnectionString(configured, maxPoolSize: null).GssEncryptionMode);

    private static NpgsqlConnectionStringBuilder ServiceConnectionString(string configured, string? maxPoolSize)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{InventoryDbContext.ConnectionName}"] = configured,
            [ShopDbContextExtensions.MaxPoolSizeSetting] = maxPoolSize,
        });

        builder.AddShopDbContext<InventoryDbContext>(InventoryDbContext.ConnectionName);
        using var host = builder.Build();
        using var scope = host.Services.CreateScope();
        return new NpgsqlConnectionStringBuilder(scope.ServiceProvider.GetRequiredService<InventoryDbContext>().Database.GetConnectionString());
    }
}
