using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting;

public static class OtlpEndpointExtensions
{
    private const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private const string OtlpRetryVariable = "OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY";

    // The resource Aspire adds for its dashboard, which is the OTLP receiver in run mode.
    private const string DashboardResource = "aspire-dashboard";

    /// <summary>
    /// Exports telemetry only where something receives it, and never holds a process back to deliver it.
    /// <list type="bullet">
    /// <item>Without a dashboard (an AppHost started by <c>DistributedApplicationTestingBuilder</c>, as the tests and the
    /// benchmark do) Aspire still hands every project an OTLP endpoint where nothing listens: each process then keeps
    /// failed batches for retry in memory, spends CPU on them, and outlasts DCP's stop grace flushing them at shutdown.
    /// So the endpoint is removed.</item>
    /// <item>With a dashboard, Aspire turns on the exporter's in-memory retry. DCP stops the dashboard together with the
    /// services, so each service's last flush at shutdown retried against a closed port until the exporter's 10 s
    /// timeout: a whole stop took 17 s, of which about 10 s was this (docs/architecture.md, "Stopping"). Without
    /// the retry a batch the dashboard cannot take is dropped at once, which costs a local dashboard nothing.</item>
    /// </list>
    /// </summary>
    public static IResourceBuilder<T> WithOtlpOnlyToDashboard<T>(this IResourceBuilder<T> resource)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(resource);

        return resource.WithEnvironment(context =>
        {
            if (!context.ExecutionContext.IsRunMode)
            {
                return;
            }

            context.EnvironmentVariables.Remove(OtlpRetryVariable);

            // Evaluated at start, once Aspire has added (or, without a dashboard, not added) its dashboard resource.
            var model = context.ExecutionContext.Services.GetRequiredService<DistributedApplicationModel>();
            if (!model.Resources.Any(r => r.Name == DashboardResource))
            {
                context.EnvironmentVariables.Remove(OtlpEndpointVariable);
            }
        });
    }
}
