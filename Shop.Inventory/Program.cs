using Shop.EventBus.DeadLetters;
using Shop.Inventory.Apis;
using Shop.Inventory.Application;
using Shop.Inventory.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddShopDbContext<InventoryDbContext>(InventoryDbContext.ConnectionName);
builder.AddDatabaseMigrations<InventoryDbContext>(DemoCatalogSeed.ApplyAsync);
builder.AddEventBus<InventoryDbContext>()
    .AddOutbox()
    .Subscribe<StockReservationHandler>();
builder.AddShopAuthentication();
builder.AddDefaultOpenApi("Shop Inventory API", InventoryOpenApi.Constrain);
builder.AddWarmUp<CatalogWarmUp>();
builder.AddSelfRequestWarmUp(InventoryApi.WarmUpRequests);

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseShopAuthentication();
app.MapDefaultOpenApi();
app.MapInventoryApi();
app.MapDeadLetterEndpoints();

app.RunWithValidatedSettings();
