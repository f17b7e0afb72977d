using Shop.EventBus.DeadLetters;
using Shop.Orders.Apis;
using Shop.Orders.Application;
using Shop.Orders.Data;
using Shop.Orders.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddShopDbContext<OrdersDbContext>(OrdersDbContext.ConnectionName);
builder.AddDatabaseMigrations<OrdersDbContext>();
builder.AddEventBus<OrdersDbContext>()
    .AddOutbox()
    .Subscribe<OrderSagaHandler>();
builder.Services.AddSingleton<OrderMetrics>();
builder.Services.AddScoped<OrderPlacement>();
builder.AddShopAuthentication();
builder.AddDefaultOpenApi("Shop Orders API", OrdersOpenApi.Constrain);
builder.Services.AddInventoryClient();
builder.AddWarmUp<OrdersWarmUp>();
builder.AddSelfRequestWarmUp(OrdersApi.WarmUpRequests);

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseShopAuthentication();
app.MapDefaultOpenApi();
app.MapOrdersApi();
app.MapDeadLetterEndpoints();

app.RunWithValidatedSettings();
