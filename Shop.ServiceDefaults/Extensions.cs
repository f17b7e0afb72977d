using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Shop.ServiceDefaults.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>The one front door every Shop service goes through: telemetry, discovery, resilience, health, errors.</summary>
public static class Extensions
{
    public const string HealthEndpointPath = "/health";
    public const string AlivenessEndpointPath = "/alive";
    private const string LiveTag = "live";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.AddQuietLogLevels();
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        // Graceful shutdown must fit inside the orchestrator's grace period (DCP kills after 6 s; Kubernetes after 30 s),
        // or a stop becomes a kill: bound what in-flight work may hold it up.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(5));

        // One clock for every service, replaceable in tests.
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.Services.AddProblemDetails(options => options.AddRequestIdToProblemDetails());
        // Statuses and reasons travel as their names ("Pending"), never as numbers.
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // Liveness answers "is the process responsive"; everything else (database, broker, migrations) is readiness.
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);

        return builder;
    }

    /// <summary>
    /// Adds request ids, ProblemDetails error handling and a 503 until the service's startup steps are done, and maps <c>/health</c>, <c>/alive</c> and (unless
    /// <c>Shop:Metrics:Prometheus</c> is false) <c>/metrics</c>. Call right after <c>Build()</c>.
    /// They are mapped in every environment because Kubernetes probes and Prometheus need them in production too; the
    /// gateway routes none of them.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // First, so every response (errors included) and every log line of the request carry its id.
        app.UseRequestId();
        app.UseInstanceId();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStartupGate();

        app.MapHealthChecks(HealthEndpointPath).OnlyOnManagementPort(app.Configuration);
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(LiveTag),
        }).OnlyOnManagementPort(app.Configuration);

        if (TelemetryExtensions.IsPrometheusEnabled(app.Configuration))
        {
            app.MapPrometheusScrapingEndpoint(TelemetryExtensions.PrometheusEndpointPath).OnlyOnManagementPort(app.Configuration);
        }

        return app;
    }
}
