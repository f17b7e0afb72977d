using System.Text;
using Yarp.ReverseProxy.Configuration;

namespace Shop.Gateway.Edge;

/// <summary>
/// Header values pass through the gateway byte for byte. By default Kestrel decodes them as UTF-8 and answers a bare
/// 400 for anything else, and YARP's HttpClient refuses to send non-ASCII (a 502 for any "é"). Here Kestrel reads every
/// byte as Latin-1, the middleware refuses what the services cannot read with a 400 ProblemDetails, and YARP writes
/// the rest back as Latin-1: the same bytes, so a UTF-8 value reaches the service unchanged.
/// </summary>
public static class HeaderEncodingExtensions
{
    public static WebApplicationBuilder AddGatewayHeaderEncoding(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.RequestHeaderEncodingSelector = _ => Encoding.Latin1);
        return builder;
    }

    /// <summary>Every cluster sends request headers as Latin-1, whatever appsettings.json says of its HttpClient.</summary>
    public static IReverseProxyBuilder ForwardHeadersByteForByte(this IReverseProxyBuilder proxy)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        return proxy.AddConfigFilter<Latin1RequestHeadersFilter>();
    }

    /// <summary>After the request id and trace id are set, so the refusal carries both.</summary>
    public static IApplicationBuilder UseHeaderValidation(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);

        return app.Use(async (context, next) =>
        {
            foreach (var (name, values) in context.Request.Headers)
            {
                if (values.Any(value => value is not null && !HeaderValues.IsForwardable(value)))
                {
                    await GatewayProblems.WriteAsync(
                        context,
                        StatusCodes.Status400BadRequest,
                        "Invalid header value",
                        $"The value of the {name} header is not UTF-8 text without control characters.");
                    return;
                }
            }

            await next(context);
        });
    }

    private sealed class Latin1RequestHeadersFilter : IProxyConfigFilter
    {
        public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel) =>
            ValueTask.FromResult(cluster with
            {
                HttpClient = (cluster.HttpClient ?? HttpClientConfig.Empty) with { RequestHeaderEncoding = Encoding.Latin1.WebName },
            });

        public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel) =>
            ValueTask.FromResult(route);
    }
}
