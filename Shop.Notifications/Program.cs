using Shop.Notifications.Apis;
using Shop.Notifications.Application;
using Shop.Notifications.Data;
using Shop.ServiceDefaults.IntegrationEvents;
using Shop.ServiceDefaults.Messaging.DeadLetters;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddShopDbContext<NotificationsDbContext>(NotificationsDbContext.ConnectionName);
builder.AddDatabaseMigrations<NotificationsDbContext>();
builder.AddEventBus<NotificationsDbContext>()
    .Subscribe<UserRegistered, OrderAndAccountNotificationHandler>()
    .Subscribe<OrderConfirmed, OrderAndAccountNotificationHandler>()
    .Subscribe<OrderCancelled, OrderAndAccountNotificationHandler>();
builder.AddShopAuthentication();
builder.AddDefaultOpenApi("Shop Notifications API");
builder.AddNotificationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseShopAuthentication();
app.MapDefaultOpenApi();
app.MapNotificationsApi();
app.MapDeadLetterEndpoints();

app.Run();
