using Yarp.ReverseProxy.Transforms;

namespace Shop.Gateway.Edge;

/// <summary>
/// Strips request headers a client could use to pose as someone or somewhere else (<c>UntrustedRequestHeaders</c>):
/// forwarding headers other proxies would set, and identity headers. YARP already replaces <c>X-Forwarded-For/Proto/Host</c>
/// with what the gateway saw and drops hop-by-hop headers; services authenticate only by the bearer token.
/// </summary>
public static class UntrustedHeadersExtensions
{
    public const string SectionName = "UntrustedRequestHeaders";

    public static IReverseProxyBuilder RemoveUntrustedRequestHeaders(this IReverseProxyBuilder proxy, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        ArgumentNullException.ThrowIfNull(configuration);

        var headers = configuration.GetSection(SectionName).Get<string[]>() ?? [];
        return proxy.AddTransforms(transforms =>
        {
            foreach (var header in headers)
            {
                transforms.AddRequestHeaderRemove(header);
            }

            transforms.AddXForwarded(ForwardedTransformActions.Set);
        });
    }
}
