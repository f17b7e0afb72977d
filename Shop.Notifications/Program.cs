using Shop.EventBus.DeadLetters;
using Shop.Notifications.Apis;
using Shop.Notifications.Application;
using Shop.Notifications.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddShopDbContext<NotificationsDbContext>(NotificationsDbContext.ConnectionName);
builder.AddDatabaseMigrations<NotificationsDbContext>();
builder.AddEventBus<NotificationsDbContext>()
    .Subscribe<OrderAndAccountNotificationHandler>();
builder.AddShopAuthentication();
builder.AddDefaultOpenApi("Shop Notifications API");
builder.AddNotificationServices();
builder.AddSelfRequestWarmUp(NotificationsApi.WarmUpRequests);

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseShopAuthentication();
app.MapDefaultOpenApi();
app.MapNotificationsApi();
app.MapDeadLetterEndpoints();

app.RunWithValidatedSettings();
