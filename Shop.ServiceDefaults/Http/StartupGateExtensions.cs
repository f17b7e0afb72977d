using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Shop.ServiceDefaults.Http;

/// <summary>
/// Until every <see cref="IStartupStep"/> that holds requests is done, requests get 503 with <c>Retry-After</c>, never a
/// 500 from a database that is still being created or migrated: a load balancer may send traffic before the readiness
/// probe has failed. Readiness waits for every step, warm-up included.
/// Liveness and metrics answer as always. Readiness (<c>/health</c>) answers 503 "Starting: …" without running its
/// checks: a database that does not exist yet is not a failure to log at Error level on every normal start, and the
/// checks run, and log real failures, once the steps are done.
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
            var pending = steps.Where(step => !step.IsDone).ToArray();
            if (pending.Length == 0)
            {
                await next(context);
                return;
            }

            if (context.Request.Path.StartsWithSegments(Extensions.HealthEndpointPath))
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                await context.Response.WriteAsync($"Starting: {string.Join(", ", pending.Select(step => step.Pending))}", context.RequestAborted);
                return;
            }

            if (TelemetryExtensions.IsHealthProbe(context.Request.Path) || !pending.Any(step => step.HoldsRequests))
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
