using System.Net;
using System.Net.Sockets;

namespace Shop.Tests.Infrastructure;

/// <summary>
/// The fixed ports of proxy-less endpoints: a resource restarted by the stop/start commands binds its port again, so it
/// must not be one an outgoing connection can take meanwhile (an ephemeral source port), nor one given out twice.
/// </summary>
public sealed class LoopbackPortTests
{
    [Fact]
    public void Ports_are_distinct_bindable_and_below_the_ephemeral_range()
    {
        var ports = Enumerable.Range(0, 50).Select(_ => LoopbackPort.Free()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, port =>
        {
            Assert.InRange(port, 1024, EphemeralRangeStart() - 1);
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
        });
    }

    /// <summary>Linux's setting when there is one, else the lowest default of the other systems (49152).</summary>
    private static int EphemeralRangeStart()
    {
        const string Range = "/proc/sys/net/ipv4/ip_local_port_range";
        return File.Exists(Range) ? int.Parse(File.ReadAllText(Range).Split('\t', ' ')[0], System.Globalization.CultureInfo.InvariantCulture) : 49152;
    }
}
