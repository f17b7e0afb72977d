using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Shop.ServiceDefaults.Http;

/// <summary>
/// <c>X-Request-ID</c>: kept when the caller sent a sane one (at most 64 letters, digits, <c>-_.:</c>), otherwise a new
/// one. It replaces the request's header, so the gateway forwards exactly that id to the service, and each process puts
/// it in its log scope, in ProblemDetails (<c>requestId</c>) and on the response.
/// </summary>
public static class RequestIdExtensions
{
    public const string HeaderName = "X-Request-ID";
    public const int MaxLength = 64;

    private const string ProblemDetailsKey = "requestId";
    private static readonly object ItemKey = new();

    public static bool IsSane(string? value) =>
        !string.IsNullOrEmpty(value)
        && value.Length <= MaxLength
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    /// <summary>The request's id, once <see cref="UseRequestId"/> has run.</summary>
    public static string? GetRequestId(this HttpContext context) =>
        context?.Items.TryGetValue(ItemKey, out var id) == true ? id as string : null;

    /// <summary>Adds the request id to every ProblemDetails, so an error a client reports can be found in the logs.</summary>
    public static void AddRequestIdToProblemDetails(this ProblemDetailsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        options.CustomizeProblemDetails = context =>
        {
            if (context.HttpContext.GetRequestId() is { } id)
            {
                context.ProblemDetails.Extensions[ProblemDetailsKey] = id;
            }
        };
    }

    public static IApplicationBuilder UseRequestId(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);

        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Shop.RequestId");
        return app.Use(async (context, next) =>
        {
            var sent = context.Request.Headers[HeaderName];
            var id = sent.Count == 1 && IsSane(sent[0]) ? sent[0]! : Guid.NewGuid().ToString("N");

            context.Items[ItemKey] = id;
            context.Request.Headers[HeaderName] = id;
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[HeaderName] = id;
                return Task.CompletedTask;
            });

            using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = id }))
            {
                await next(context);
            }
        });
    }
}
