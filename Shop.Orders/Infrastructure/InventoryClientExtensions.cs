using Microsoft.Extensions.Http.Resilience;

namespace Shop.Orders.Infrastructure;

public static class InventoryClientExtensions
{
    /// <summary>Inventory's logical name; service discovery resolves it to every instance.</summary>
    public static readonly Uri ServiceAddress = new("http://inventory");

    /// <summary>
    /// Registers <see cref="InventoryClient"/> (<c>http://inventory</c> through service discovery) with a resilience
    /// pipeline that gives up on a dead inventory well within 5 s, so placing an order answers 503 instead of hanging.
    /// </summary>
    public static IServiceCollection AddInventoryClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // The standard handler ServiceDefaults adds to every client is registered with no client name, so its options
        // ("-standard") are shared by all clients and "InventoryClient-standard" would never be read. Replacing it on
        // this one client keeps a single handler and gives inventory its own options and its own circuit breaker.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is the documented way to replace the default handler.
        services.AddHttpClient<InventoryClient>(http => http.BaseAddress = ServiceAddress)
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(Tune);
#pragma warning restore EXTEXP0001

        return services;
    }

    // Three 1 s attempts with short pauses fit inside the 3.5 s total; the breaker's window must be ≥ 2 × attempt timeout.
    private static void Tune(HttpStandardResilienceOptions options)
    {
        options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(1);
        options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(3.5);
        options.Retry.MaxRetryAttempts = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(100);
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(10);
    }
}
