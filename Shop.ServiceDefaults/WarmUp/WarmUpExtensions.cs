using Microsoft.Extensions.DependencyInjection;
using Shop.ServiceDefaults;
using Shop.ServiceDefaults.WarmUp;

namespace Microsoft.Extensions.Hosting;

public static class WarmUpExtensions
{
    /// <summary>
    /// Runs <typeparamref name="TWarmUp"/> (scoped, so it may use a DbContext) before the service reports ready; see
    /// <see cref="IWarmUp"/>. Warm-ups run in the order they were added.
    /// </summary>
    public static IHostApplicationBuilder AddWarmUp<TWarmUp>(this IHostApplicationBuilder builder)
        where TWarmUp : class, IWarmUp
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddScoped<IWarmUp, TWarmUp>();
        if (!builder.Services.Any(service => service.ServiceType == typeof(WarmUpRunner)))
        {
            builder.Services.AddSingleton<WarmUpRunner>();
            builder.Services.AddSingleton<IStartupStep>(services => services.GetRequiredService<WarmUpRunner>());
            builder.Services.AddHostedService(services => services.GetRequiredService<WarmUpRunner>());
        }

        return builder;
    }
}
