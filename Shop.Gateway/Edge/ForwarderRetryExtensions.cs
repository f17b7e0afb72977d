using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Shop.Gateway.Edge;

/// <summary>
/// Retries a failed forward once on another instance of the same service when that is safe: any request whose
/// connection was refused (it never reached the service), and idempotent ones (GET, HEAD, OPTIONS) that failed for
/// any other reason before a response began. Health checks take a dead instance out within seconds; this covers the
/// requests that reach it before then.
/// </summary>
public static class ForwarderRetryExtensions
{
    private const int MaxAttempts = 2;

    /// <summary>Goes before load balancing, which picks a destination from the ones this step leaves available.</summary>
    public static IReverseProxyApplicationBuilder UseForwarderRetry(this IReverseProxyApplicationBuilder proxy)
    {
        ArgumentNullException.ThrowIfNull(proxy);

        proxy.Use(async (context, next) =>
        {
            var proxyFeature = context.GetReverseProxyFeature();

            // Load balancing narrows AvailableDestinations to the one it picked, so remember the full set first.
            var candidates = proxyFeature.AvailableDestinations;
            for (var attempt = 1; ; attempt++)
            {
                await next();

                var error = context.Features.Get<IForwarderErrorFeature>();
                if (error is null || attempt == MaxAttempts || !IsSafeToRetry(context, error))
                {
                    return;
                }

                candidates = [.. candidates.Where(destination => destination != proxyFeature.ProxiedDestination)];
                if (candidates.Count == 0)
                {
                    return;
                }

                proxyFeature.AvailableDestinations = candidates;
                context.Features.Set<IForwarderErrorFeature>(null);
                context.Response.StatusCode = StatusCodes.Status200OK;
            }
        });

        return proxy;
    }

    private static bool IsSafeToRetry(HttpContext context, IForwarderErrorFeature error)
    {
        if (context.Response.HasStarted || context.RequestAborted.IsCancellationRequested)
        {
            return false;
        }

        var neverReachedService = error is { Error: ForwarderError.Request, Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } };
        var idempotent = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method);
        return neverReachedService || (idempotent && error.Error is ForwarderError.Request or ForwarderError.RequestTimedOut);
    }
}
