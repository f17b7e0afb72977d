using Shop.Orders.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDbContext<OrdersDbContext>(OrdersDbContext.ConnectionName);
builder.AddDatabaseMigrations<OrdersDbContext>();
builder.AddMessaging();
builder.AddDefaultOpenApi("Shop Orders API");

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapDefaultOpenApi();

app.Run();
