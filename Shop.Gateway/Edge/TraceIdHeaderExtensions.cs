using System.Diagnostics;

namespace Shop.Gateway.Edge;

public static class TraceIdHeaderExtensions
{
    /// <summary>The response header naming the W3C trace id (32 hex characters) of the request.</summary>
    public const string HeaderName = "X-Trace-Id";

    /// <summary>
    /// Puts the request's trace id on every response, so a client (or a support ticket) can find the whole flow it
    /// started — across services and events — in the Aspire dashboard or any OpenTelemetry backend.
    /// </summary>
    public static IApplicationBuilder UseTraceIdHeader(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);

        return app.Use((context, next) =>
        {
            if (Activity.Current is { } activity)
            {
                var traceId = activity.TraceId.ToHexString();
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers[HeaderName] = traceId;
                    return Task.CompletedTask;
                });
            }

            return next(context);
        });
    }
}
