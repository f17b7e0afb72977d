namespace Shop.Gateway.Edge;

/// <summary>
/// CORS for browser clients: the origins in <c>Cors:AllowedOrigins</c> (none by default), plus any
/// <c>http(s)://localhost:*</c> origin when <c>Cors:AllowLoopbackOrigins</c> is on (Development).
/// </summary>
public static class CorsExtensions
{
    public const string SectionName = "Cors";

    /// <summary>Response headers a browser script may read: ids for support, the retry hint, created resources.</summary>
    private static readonly string[] ExposedHeaders = ["X-Request-ID", "X-Trace-Id", "X-Instance-Id", "Retry-After", "Location"];

    public static IHostApplicationBuilder AddGatewayCors(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var section = builder.Configuration.GetSection(SectionName);
        var origins = section.GetSection("AllowedOrigins").Get<string[]>() ?? [];
        var allowLoopback = section.GetValue("AllowLoopbackOrigins", false);

        builder.Services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .SetIsOriginAllowed(origin => origins.Contains(origin, StringComparer.OrdinalIgnoreCase) || (allowLoopback && IsLoopback(origin)))
            .AllowAnyHeader()
            .AllowAnyMethod()
            .WithExposedHeaders(ExposedHeaders)
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));

        return builder;
    }

    private static bool IsLoopback(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.IsLoopback && uri.Scheme is "http" or "https";
}
