using Microsoft.AspNetCore.HttpsPolicy;

namespace Shop.Gateway.Edge;

/// <summary>
/// Headers on every response, a service's and the gateway's own (401, 429, 502, <c>/docs</c>) alike: no MIME sniffing,
/// no referrer, no framing, and no <c>Server</c> header naming the stack. HSTS only when <c>Hsts:Enabled</c> (its other
/// settings are ASP.NET Core's <c>HstsOptions</c>), and then only on https requests, as a trusted proxy reports them.
/// No Content-Security-Policy: Scalar's <c>/docs</c> page runs inline script.
/// </summary>
public static class EdgeHeadersExtensions
{
    public const string HstsSectionName = "Hsts";

    public static IHostApplicationBuilder AddGatewayEdgeHeaders(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.Configure<HstsOptions>(builder.Configuration.GetSection(HstsSectionName));
        return builder;
    }

    /// <summary>Call right after the forwarded headers, so every later answer gets the headers.</summary>
    public static IApplicationBuilder UseGatewayEdgeHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.Use((context, next) =>
        {
            // Just before the headers go out: after YARP has copied the service's, so its Server header is dropped too.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers.Remove("Server");
                return Task.CompletedTask;
            });
            return next(context);
        });

        return app.Configuration.GetValue($"{HstsSectionName}:Enabled", false) ? app.UseHsts() : app;
    }
}
