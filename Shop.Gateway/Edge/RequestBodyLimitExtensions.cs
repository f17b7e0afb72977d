using Microsoft.AspNetCore.Http.Features;

namespace Shop.Gateway.Edge;

/// <summary>
/// The largest request body the gateway accepts (<c>MaxRequestBodySize</c>, bytes, default 1 MB). A declared
/// larger body is refused with 413 before anything is forwarded; a chunked one is cut off by Kestrel when it passes the
/// limit, which the forwarder maps to 413 as well (<see cref="ForwarderErrorExtensions"/>).
/// </summary>
public static class RequestBodyLimitExtensions
{
    public const string SettingName = "MaxRequestBodySize";
    public const long DefaultMaxRequestBodySize = 1024 * 1024;

    public static IHostApplicationBuilder AddGatewayRequestBodyLimit(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var limit = builder.Configuration.GetValue(SettingName, DefaultMaxRequestBodySize);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limit);
        return builder;
    }

    public static IApplicationBuilder UseGatewayRequestBodyLimit(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);

        return app.Use(async (context, next) =>
        {
            var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            if (limit is not null && context.Request.ContentLength > limit)
            {
                await GatewayProblems.WriteAsync(
                    context,
                    StatusCodes.Status413PayloadTooLarge,
                    "Request body too large",
                    $"The request body is {context.Request.ContentLength} bytes; the limit is {limit} bytes.");
                return;
            }

            await next(context);
        });
    }
}
