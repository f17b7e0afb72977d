using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Shop.ServiceDefaults.Http;

/// <summary>
/// <c>X-Instance-Id</c>: which process answered, <c>{host}:{pid}</c> (a pod name in Kubernetes), so load balancing
/// across replicas can be seen from outside. A proxied response keeps the service's id: the gateway only fills it in
/// for answers it gives itself (401, 404, 429, 502…).
/// </summary>
public static class InstanceIdExtensions
{
    public const string HeaderName = "X-Instance-Id";

    public static string InstanceId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    public static IApplicationBuilder UseInstanceId(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);

        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.TryAdd(HeaderName, InstanceId);
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
