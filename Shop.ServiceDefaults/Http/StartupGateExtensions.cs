using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Shop.ServiceDefaults.Http;

/// <summary>
/// Until every <see cref="IStartupStep"/> is done, requests get 503 with <c>Retry-After</c>, never a 500 from a database
/// that is still being created or migrated: a load balancer may send traffic before the readiness probe has failed.
/// Health, liveness and metrics answer as always, so probes still tell the truth.
/// </summary>
public static class StartupGateExtensions
{
    private const string RetryAfterSeconds = "5";

    public static IApplicationBuilder UseStartupGate(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);

        var steps = app.ApplicationServices.GetServices<IStartupStep>().ToArray();
        if (steps.Length == 0)
        {
            return app;
        }

        return app.Use(async (context, next) =>
        {
            if (TelemetryExtensions.IsHealthProbe(context.Request.Path) || steps.All(step => step.IsDone))
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "Service starting",
                    Detail = "The service is still starting and cannot answer yet. Nothing was changed; try again shortly.",
                },
            });
        });
    }
}
