using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace Microsoft.Extensions.Hosting;

public static class QuietLogLevels
{
    /// <summary>
    /// Categories that write several Information lines for every request, query or outgoing call, and what they are
    /// held to unless configuration says otherwise. A request or an event handled normally then writes at most the one
    /// line its handler chose; the framework's Warning and above still come through.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>
    {
        // Four lines per outgoing call (start, send, headers received, end), from both the logical and the client handler.
        ["System.Net.Http.HttpClient"] = "Warning",
        // The standard resilience pipeline logs every attempt ("Execution attempt ...") at Information.
        ["Polly"] = "Warning",
        // One line per SQL command (Database.Command), per transaction, per migration check.
        ["Microsoft.EntityFrameworkCore"] = "Warning",
        // Routing, endpoint and hosting-diagnostics lines for each request.
        ["Microsoft.AspNetCore"] = "Warning",
        // "Now listening on", "Application started", "shutting down": one line each per start or stop.
        ["Microsoft.Hosting.Lifetime"] = "Information",
    };

    /// <summary>
    /// Puts <see cref="Defaults"/> under every other configuration source, so appsettings.json, environment variables
    /// (<c>Logging__LogLevel__Polly=Information</c>) and the command line still override any of them.
    /// </summary>
    public static TBuilder AddQuietLogLevels<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        var defaults = Defaults.ToDictionary(level => $"Logging:LogLevel:{level.Key}", level => (string?)level.Value);
        ((IList<IConfigurationSource>)builder.Configuration.Sources).Insert(0, new MemoryConfigurationSource { InitialData = defaults });
        return builder;
    }
}
