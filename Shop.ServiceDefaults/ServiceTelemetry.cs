using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Shop.ServiceDefaults;

/// <summary>The service's own <see cref="ActivitySource"/> and <see cref="Meter"/>, both named after the service.</summary>
public sealed class ServiceTelemetry(string serviceName) : IDisposable
{
    public ActivitySource ActivitySource { get; } = new(serviceName);

    public Meter Meter { get; } = new(serviceName);

    public void Dispose()
    {
        ActivitySource.Dispose();
        Meter.Dispose();
    }
}
