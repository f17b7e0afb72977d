using Shop.Notifications.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDbContext<NotificationsDbContext>(NotificationsDbContext.ConnectionName);
builder.AddDatabaseMigrations<NotificationsDbContext>();
builder.AddMessaging();
builder.AddDefaultOpenApi("Shop Notifications API");

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapDefaultOpenApi();

app.Run();
