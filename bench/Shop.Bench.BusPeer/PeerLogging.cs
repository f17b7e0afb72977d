using Microsoft.Extensions.Logging;

namespace Shop.Bench.BusPeer;

/// <summary>Warnings and worse, on stderr: stdout carries the line protocol the harness reads (Program.cs).</summary>
public static class PeerLogging
{
    public static ILoggingBuilder ToStandardError(this ILoggingBuilder logging) =>
        logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
}
