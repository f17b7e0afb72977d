using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Shop.ServiceDefaults;

namespace Microsoft.Extensions.Hosting;

public static class TelemetryExtensions
{
    public const string PrometheusEndpointPath = "/metrics";

    /// <summary>Serves <c>/metrics</c> in Prometheus text format for in-cluster scraping (default on).</summary>
    public const string PrometheusSetting = "Shop:Metrics:Prometheus";

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // Each service gets an ActivitySource and a Meter named after itself (see ServiceTelemetry). The database and
        // the event bus add their own sources and meters where they are wired (AddShopDbContext, AddEventBus).
        var serviceName = builder.Environment.ApplicationName;
        builder.Services.AddSingleton(new ServiceTelemetry(serviceName));

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var prometheus = IsPrometheusEnabled(builder.Configuration);
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(serviceName);
                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            })
            .WithTracing(tracing => tracing
                .AddSource(serviceName)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsHealthProbe(context.Request.Path))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static bool IsPrometheusEnabled(IConfiguration configuration) => configuration.GetValue(PrometheusSetting, true);

    // Probes and scrapes run every few seconds; tracing them would bury real requests in the dashboard.
    internal static bool IsHealthProbe(PathString path) =>
        path.StartsWithSegments(Extensions.HealthEndpointPath)
        || path.StartsWithSegments(Extensions.AlivenessEndpointPath)
        || path.StartsWithSegments(PrometheusEndpointPath);
}
