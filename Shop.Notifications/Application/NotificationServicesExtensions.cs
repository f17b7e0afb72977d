using Microsoft.Extensions.DependencyInjection.Extensions;
using Shop.Notifications.Delivery;

namespace Shop.Notifications.Application;

public static class NotificationServicesExtensions
{
    /// <summary>The notifier, and the log sender as the default delivery; register another sender to replace it.</summary>
    public static IHostApplicationBuilder AddNotificationServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.TryAddSingleton<INotificationSender, LogNotificationSender>();
        builder.Services.AddScoped<Notifier>();
        return builder;
    }
}
