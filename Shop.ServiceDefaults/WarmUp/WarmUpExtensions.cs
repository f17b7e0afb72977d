using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Shop.ServiceDefaults;
using Shop.ServiceDefaults.Authentication;
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
            builder.Services.AddSingleton<DependencyProbe>();
#pragma warning disable EXTEXP0001 // Experimental, and the one way to take the default resilience off a single client.
            builder.Services.AddHttpClient(DependencyProbe.ClientName).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        }

        return builder;
    }

    /// <summary>
    /// Sends <paramref name="requests"/> to the service itself, in order, once it listens and after the warm-ups added
    /// before this one (see <see cref="SelfRequest"/>). Call once, after <c>AddShopAuthentication</c> when a request is
    /// signed in.
    /// </summary>
    public static IHostApplicationBuilder AddSelfRequestWarmUp(this IHostApplicationBuilder builder, IReadOnlyList<SelfRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(requests);

        builder.Services.AddSingleton(new SelfRequests(requests));
        builder.Services.TryAddSingleton<WarmUpSigningKey>();
#pragma warning disable EXTEXP0001 // As for the probe: a failed warm-up request is a finding, not an attempt to retry.
        builder.Services.AddHttpClient(SelfRequestWarmUp.ClientName).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        return builder.AddWarmUp<SelfRequestWarmUp>();
    }
}
