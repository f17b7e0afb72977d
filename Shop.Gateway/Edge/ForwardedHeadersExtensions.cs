using Microsoft.Extensions.Options;

namespace Shop.Gateway.Edge;

/// <summary>
/// The client's address and scheme, from <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> only when a proxy in
/// <c>ForwardedHeaders:TrustedProxies</c> sent them (<see cref="ForwardedHeadersSettings"/>); otherwise the connection's.
/// </summary>
public static class ForwardedHeadersExtensions
{
    // ASPNETCORE_FORWARDEDHEADERS_ENABLED, as the host reads it: its startup filter then runs the middleware first.
    private const string HostSwitch = "ForwardedHeaders_Enabled";

    public static IHostApplicationBuilder AddGatewayForwardedHeaders(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddValidatedSettings<ForwardedHeadersSettings>(ForwardedHeadersSettings.SectionName);
        // PostConfigure runs after the host's own setup, which the switch makes trust every sender.
        builder.Services.AddOptions<ForwardedHeadersOptions>()
            .PostConfigure<IOptions<ForwardedHeadersSettings>>((options, settings) => settings.Value.ApplyTo(options));
        return builder;
    }

    /// <summary>Call first: rate limits, logs and HSTS must see the client, not the proxy.</summary>
    public static IApplicationBuilder UseGatewayForwardedHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        return string.Equals("true", app.Configuration[HostSwitch], StringComparison.OrdinalIgnoreCase)
            ? app
            : app.UseForwardedHeaders();
    }
}
