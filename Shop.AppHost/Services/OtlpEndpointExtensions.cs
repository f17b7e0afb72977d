using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting;

public static class OtlpEndpointExtensions
{
    private const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    // The resource Aspire adds for its dashboard, which is the OTLP receiver in run mode.
    private const string DashboardResource = "aspire-dashboard";

    /// <summary>
    /// Exports telemetry only where something receives it. Without a dashboard (an AppHost started by
    /// <c>DistributedApplicationTestingBuilder</c>, as the tests and the benchmark do) Aspire still hands every project
    /// an OTLP endpoint where nothing listens: each process then keeps failed batches for retry in memory, spends CPU
    /// on them, and outlasts DCP's stop grace flushing them at shutdown.
    /// </summary>
    public static IResourceBuilder<T> WithOtlpOnlyToDashboard<T>(this IResourceBuilder<T> resource)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(resource);

        return resource.WithEnvironment(context =>
        {
            // Evaluated at start, once Aspire has added (or, without a dashboard, not added) its dashboard resource.
            var model = context.ExecutionContext.Services.GetRequiredService<DistributedApplicationModel>();
            if (context.ExecutionContext.IsRunMode && !model.Resources.Any(r => r.Name == DashboardResource))
            {
                context.EnvironmentVariables.Remove(OtlpEndpointVariable);
            }
        });
    }
}
