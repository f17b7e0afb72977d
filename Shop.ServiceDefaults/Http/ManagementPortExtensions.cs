using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Shop.ServiceDefaults.Http;

/// <summary>
/// Confines management endpoints (health, liveness) to the port in <c>Shop:ManagementPort</c> when one is set: the
/// gateway serves the public on one port and its probes on another, so <c>/health</c> through it is a 404.
/// </summary>
public static class ManagementPortExtensions
{
    public const string SettingName = "Shop:ManagementPort";

    public static TBuilder OnlyOnManagementPort<TBuilder>(this TBuilder endpoint, IConfiguration configuration)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(configuration);

        if (configuration.GetValue<int?>(SettingName) is not { } port)
        {
            return endpoint;
        }

        // The check is on the socket's local port, not the Host header: a client controls the header, and a proxy in
        // front (DCP locally) keeps the public host name in it.
        endpoint.Add(builder =>
        {
            var serve = builder.RequestDelegate!;
            builder.RequestDelegate = context =>
            {
                if (context.Connection.LocalPort == port)
                {
                    return serve(context);
                }

                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            };
        });

        return endpoint;
    }
}
