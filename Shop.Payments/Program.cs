using Shop.EventBus.DeadLetters;
using Shop.Payments.Apis;
using Shop.Payments.Application;
using Shop.Payments.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddShopDbContext<PaymentsDbContext>(PaymentsDbContext.ConnectionName);
builder.AddDatabaseMigrations<PaymentsDbContext>();
builder.AddEventBus<PaymentsDbContext>()
    .AddOutbox()
    .Subscribe<PaymentSagaHandler>();
builder.AddShopAuthentication();
builder.AddDefaultOpenApi("Shop Payments API", PaymentsOpenApi.Constrain);
builder.AddPaymentServices();
builder.AddSelfRequestWarmUp(PaymentsApi.WarmUpRequests);

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseShopAuthentication();
app.MapDefaultOpenApi();
app.MapPaymentsApi();
app.MapDeadLetterEndpoints();

app.RunWithValidatedSettings();
