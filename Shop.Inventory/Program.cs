using Shop.Inventory.Apis;
using Shop.Inventory.Application;
using Shop.Inventory.Data;
using Shop.ServiceDefaults.IntegrationEvents;
using Shop.ServiceDefaults.Messaging.DeadLetters;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddShopDbContext<InventoryDbContext>(InventoryDbContext.ConnectionName);
builder.AddDatabaseMigrations<InventoryDbContext>(DemoCatalogSeed.ApplyAsync);
builder.AddEventBus<InventoryDbContext>()
    .AddOutbox()
    .Subscribe<OrderPlaced, StockReservationHandler>()
    .Subscribe<OrderConfirmed, StockReservationHandler>()
    .Subscribe<OrderCancelled, StockReservationHandler>();
builder.AddShopAuthentication();
builder.AddDefaultOpenApi("Shop Inventory API");

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseShopAuthentication();
app.MapDefaultOpenApi();
app.MapInventoryApi();
app.MapDeadLetterEndpoints();

app.Run();
