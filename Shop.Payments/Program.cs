using Shop.Payments.Apis;
using Shop.Payments.Application;
using Shop.Payments.Data;
using Shop.ServiceDefaults.IntegrationEvents;
using Shop.ServiceDefaults.Messaging.DeadLetters;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddShopDbContext<PaymentsDbContext>(PaymentsDbContext.ConnectionName);
builder.AddDatabaseMigrations<PaymentsDbContext>();
builder.AddEventBus<PaymentsDbContext>()
    .AddOutbox()
    .Subscribe<OrderPlaced, PaymentSagaHandler>()
    .Subscribe<StockReserved, PaymentSagaHandler>()
    .Subscribe<OrderCancelled, PaymentSagaHandler>();
builder.AddShopAuthentication();
builder.AddDefaultOpenApi("Shop Payments API");
builder.AddPaymentServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseShopAuthentication();
app.MapDefaultOpenApi();
app.MapPaymentsApi();
app.MapDeadLetterEndpoints();

app.Run();
