using Microsoft.AspNetCore.Http.Timeouts;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Shop.Gateway.Edge;

/// <summary>
/// Turns a failed forward into a ProblemDetails the client can act on: 503 when the service cannot be reached, 504
/// when it did not answer in time, 502 when it answered badly, 413 for a body over the limit. YARP itself only sets a
/// status code, with an empty body.
/// </summary>
public static class ForwarderErrorExtensions
{
    /// <summary>Outermost step of the proxy pipeline, so it sees the final outcome after any retry.</summary>
    public static IReverseProxyApplicationBuilder UseForwarderProblemDetails(this IReverseProxyApplicationBuilder proxy)
    {
        ArgumentNullException.ThrowIfNull(proxy);

        proxy.Use(async (context, next) =>
        {
            await next();

            var error = context.Features.Get<IForwarderErrorFeature>();
            if (error is null || context.Response.HasStarted || IsClientGone(context))
            {
                return;
            }

            var service = context.GetReverseProxyFeature().Cluster.Config.ClusterId;
            var (status, title, detail) = Describe(error, service);
            await GatewayProblems.WriteAsync(context, status, title, detail);
        });

        return proxy;
    }

    private static bool IsClientGone(HttpContext context) =>
        context.RequestAborted.IsCancellationRequested
        && context.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested != true;

    // Kestrel's "body too large" may arrive wrapped by the stream copy that hit it.
    private static bool IsBodyTooLarge(Exception? exception) =>
        exception is not null
        && (exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } || IsBodyTooLarge(exception.InnerException));

    private static (int Status, string Title, string Detail) Describe(IForwarderErrorFeature error, string service) => error.Error switch
    {
        ForwarderError.RequestTimedOut or ForwarderError.RequestCanceled =>
            (StatusCodes.Status504GatewayTimeout, "Gateway timeout", $"The {service} service did not answer in time."),
        ForwarderError.NoAvailableDestinations =>
            (StatusCodes.Status503ServiceUnavailable, "Service unavailable", $"No instance of the {service} service is available."),
        ForwarderError.Request when error.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } =>
            (StatusCodes.Status503ServiceUnavailable, "Service unavailable", $"The {service} service cannot be reached."),
        ForwarderError.RequestBodyClient when IsBodyTooLarge(error.Exception) =>
            (StatusCodes.Status413PayloadTooLarge, "Request body too large", "The request body is larger than the gateway accepts."),
        ForwarderError.RequestBodyClient =>
            (StatusCodes.Status400BadRequest, "Bad request", "The request body could not be read."),
        _ => (StatusCodes.Status502BadGateway, "Bad gateway", $"The {service} service failed to answer the request."),
    };
}
