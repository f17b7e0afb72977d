using Shop.Orders.Apis;
using Shop.Orders.Data;
using Shop.Orders.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDbContext<OrdersDbContext>(OrdersDbContext.ConnectionName);
builder.AddDatabaseMigrations<OrdersDbContext>();
builder.AddMessaging();
builder.AddShopAuthentication();
builder.AddDefaultOpenApi("Shop Orders API");
builder.Services.AddInventoryClient();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseShopAuthentication();
app.MapDefaultOpenApi();
app.MapOrdersApi();

app.Run();
