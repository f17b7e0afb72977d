using Microsoft.EntityFrameworkCore;
using Shop.Inventory.Data;
using Shop.Notifications.Data;
using Shop.Orders.Data;
using Shop.Payments.Data;
using Shop.Users.Data;

namespace Shop.UnitTests.Data;

/// <summary>
/// Every model change has its migration: a property, index or table added to a DbContext without one would only fail
/// on a service's start, when it migrates.
/// </summary>
public sealed class MigrationsMatchModelTests
{
    public static TheoryData<string> Contexts => [nameof(UsersDbContext), nameof(InventoryDbContext), nameof(OrdersDbContext), nameof(PaymentsDbContext), nameof(NotificationsDbContext)];

    [Theory]
    [MemberData(nameof(Contexts))]
    public void The_migrations_produce_the_model(string context)
    {
        using var db = Create(context);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"{context} has model changes without a migration: run dotnet ef migrations add.");
    }

    private static DbContext Create(string context) => context switch
    {
        nameof(UsersDbContext) => new UsersDbContext(Options<UsersDbContext>()),
        nameof(InventoryDbContext) => new InventoryDbContext(Options<InventoryDbContext>()),
        nameof(OrdersDbContext) => new OrdersDbContext(Options<OrdersDbContext>()),
        nameof(PaymentsDbContext) => new PaymentsDbContext(Options<PaymentsDbContext>()),
        nameof(NotificationsDbContext) => new NotificationsDbContext(Options<NotificationsDbContext>()),
        _ => throw new ArgumentOutOfRangeException(nameof(context), context, "Not a Shop DbContext."),
    };

    // Nothing connects: the model and the migrations are compared in memory.
    private static DbContextOptions<T> Options<T>() where T : DbContext =>
        new DbContextOptionsBuilder<T>().UseNpgsql("Host=unused.invalid").Options;
}
