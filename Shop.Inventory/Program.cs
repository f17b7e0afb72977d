using Shop.Inventory.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDbContext<InventoryDbContext>(InventoryDbContext.ConnectionName);
builder.AddDatabaseMigrations<InventoryDbContext>();
builder.AddMessaging();
builder.AddDefaultOpenApi("Shop Inventory API");

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapDefaultOpenApi();

app.Run();
