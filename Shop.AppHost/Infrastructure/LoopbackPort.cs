using System.Net;
using System.Net.Sockets;

namespace Aspire.Hosting;

/// <summary>
/// A port free on loopback right now, for endpoints without DCP's proxy: Aspire allocates ports only for proxied
/// endpoints. The port is fixed for the AppHost's life, so a resource restarted by the stop/start commands gets it again.
/// The benchmark harness takes its nginx port here too.
/// </summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
