using Shop.Payments.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDbContext<PaymentsDbContext>(PaymentsDbContext.ConnectionName);
builder.AddDatabaseMigrations<PaymentsDbContext>();
builder.AddMessaging();
builder.AddDefaultOpenApi("Shop Payments API");

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapDefaultOpenApi();

app.Run();
