using Shop.Orders.Apis;
using Shop.Orders.Application;
using Shop.Orders.Data;
using Shop.Orders.Infrastructure;
using Shop.ServiceDefaults.IntegrationEvents;
using Shop.ServiceDefaults.Messaging.DeadLetters;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddShopDbContext<OrdersDbContext>(OrdersDbContext.ConnectionName);
builder.AddDatabaseMigrations<OrdersDbContext>();
builder.AddEventBus<OrdersDbContext>()
    .AddOutbox()
    .Subscribe<StockReserved, OrderSagaHandler>()
    .Subscribe<StockReservationFailed, OrderSagaHandler>()
    .Subscribe<PaymentCaptured, OrderSagaHandler>()
    .Subscribe<PaymentDeclined, OrderSagaHandler>();
builder.Services.AddSingleton<OrderMetrics>();
builder.AddShopAuthentication();
builder.AddDefaultOpenApi("Shop Orders API");
builder.Services.AddInventoryClient();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseShopAuthentication();
app.MapDefaultOpenApi();
app.MapOrdersApi();
app.MapDeadLetterEndpoints();

app.Run();
