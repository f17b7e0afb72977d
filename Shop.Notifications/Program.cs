using Shop.Notifications.Apis;
using Shop.Notifications.Application;
using Shop.Notifications.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDbContext<NotificationsDbContext>(NotificationsDbContext.ConnectionName);
builder.AddDatabaseMigrations<NotificationsDbContext>();
builder.AddMessaging();
builder.AddShopAuthentication();
builder.AddDefaultOpenApi("Shop Notifications API");
builder.AddNotificationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseShopAuthentication();
app.MapDefaultOpenApi();
app.MapNotificationsApi();

app.Run();
