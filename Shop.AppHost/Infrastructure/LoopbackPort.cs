using System.Net;
using System.Net.Sockets;

namespace Shop.AppHost.Infrastructure;

/// <summary>
/// A port free on loopback right now, for endpoints without DCP's proxy: Aspire allocates ports only for proxied
/// endpoints. The port is fixed for the AppHost's life, so a resource restarted by the stop/start commands gets it again.
/// The benchmark harness takes its nginx port here too.
/// </summary>
public static class LoopbackPort
{
    // Below every system's ephemeral range (Linux 32768-60999, Windows and macOS 49152-65535): while a resource is
    // stopped, an outgoing connection could otherwise take its port as a source port and its restart would fail with
    // "address already in use". Asking the kernel for port 0 hands out exactly such an ephemeral port.
    private const int First = 20_000;
    private const int Last = 32_767;

    // Handed out by this process: two resources must not be given the same port before either has bound it.
    private static readonly HashSet<int> Given = [];
    private static readonly Lock Gate = new();

    public static int Free()
    {
        lock (Gate)
        {
            const int count = Last - First + 1;
            var start = Random.Shared.Next(count);
            for (var offset = 0; offset < count; offset++)
            {
                var port = First + ((start + offset) % count);
                if (!Given.Contains(port) && IsFree(port))
                {
                    Given.Add(port);
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No loopback port between {First} and {Last} is free.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
