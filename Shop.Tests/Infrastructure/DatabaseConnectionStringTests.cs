using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Shop.Inventory.Data;

namespace Shop.Tests.Infrastructure;

/// <summary>Every service caps its connection pool, so a busy instance cannot take all of PostgreSQL's connections.</summary>
public sealed class DatabaseConnectionPoolTests
{
    [Theory]
    [InlineData(null, ShopDbContextExtensions.DefaultMaxPoolSize)]
    [InlineData("30", 30)]
    public void A_services_pool_is_capped(string? configured, int expected)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{InventoryDbContext.ConnectionName}"] = "Host=localhost;Database=inventorydb",
            [ShopDbContextExtensions.MaxPoolSizeSetting] = configured,
        });

        builder.AddShopDbContext<InventoryDbContext>(InventoryDbContext.ConnectionName);
        using var host = builder.Build();
        using var scope = host.Services.CreateScope();
        var connectionString = scope.ServiceProvider.GetRequiredService<InventoryDbContext>().Database.GetConnectionString();

        var pool = new NpgsqlConnectionStringBuilder(connectionString);
        Assert.Equal(expected, pool.MaxPoolSize);
        Assert.Equal("inventorydb", pool.Database);
    }
}
