using Shop.AppHost.Infrastructure;

namespace Aspire.Hosting;

public static class DirectEndpointExtensions
{
    /// <summary>
    /// Publishes a container's endpoint straight on a free host port, without DCP's proxy. While a proxied container
    /// is stopped, the proxy accepts connections and never answers, so every client hangs for its own connect timeout
    /// (15 s for Npgsql) instead of being refused at once; local mode's servers refuse, and both modes must behave
    /// alike when the database or the broker is down. The port is fixed for the AppHost's life (<see cref="LoopbackPort"/>),
    /// so a container restarted by the stop/start commands is found where it was.
    /// </summary>
    public static IResourceBuilder<T> WithDirectHostPort<T>(this IResourceBuilder<T> container, string endpointName)
        where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(container);

        var port = LoopbackPort.Free();
        return container.WithEndpoint(endpointName, endpoint =>
        {
            endpoint.IsProxied = false;
            endpoint.Port = port;
        });
    }
}
