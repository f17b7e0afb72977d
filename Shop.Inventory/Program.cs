using Shop.Inventory.Apis;
using Shop.Inventory.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDbContext<InventoryDbContext>(InventoryDbContext.ConnectionName);
builder.AddDatabaseMigrations<InventoryDbContext>(DemoCatalogSeed.ApplyAsync);
builder.AddMessaging();
builder.AddShopAuthentication();
builder.AddDefaultOpenApi("Shop Inventory API");

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseShopAuthentication();
app.MapDefaultOpenApi();
app.MapInventoryApi();

app.Run();
