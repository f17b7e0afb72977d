using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Shop.Gateway.Edge;

/// <summary>
/// Section <c>ForwardedHeaders</c>: the proxies in front of the gateway whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> it believes. Empty, the default, trusts none: the client is the TCP peer.
/// </summary>
public sealed class ForwardedHeadersSettings : IValidatableObject
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>IP addresses (<c>127.0.0.1</c>) or CIDR networks (<c>10.0.0.0/8</c>).</summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>Replaces whatever the host configured (it trusts every sender when forwarded headers are switched on).</summary>
    public void ApplyTo(ForwardedHeadersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in TrustedProxies)
        {
            options.KnownIPNetworks.Add(
                TryParse(entry, out var network) ? network : throw new FormatException($"Not an IP address or network: '{entry}'."));
        }

        // With no known proxy the middleware would believe any sender, so no trusted proxy means no forwarded header.
        options.ForwardedHeaders = TrustedProxies.Count == 0
            ? ForwardedHeaders.None
            : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

        // No limit: the middleware reads X-Forwarded-For from the right and stops at the first address that is not a
        // trusted proxy, so what a client wrote to the left of its proxy's entry is never reached. A limit would only
        // stop short in a chain of trusted proxies (a load balancer, then the ingress).
        options.ForwardLimit = null;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        TrustedProxies
            .Where(entry => !TryParse(entry, out _))
            .Select(entry => new ValidationResult(
                $"'{entry}' is neither an IP address (10.1.2.3) nor a CIDR network with no bits set after its prefix (10.0.0.0/8).",
                [nameof(TrustedProxies)]));

    /// <summary>A CIDR network, or a single address as the network of just that address.</summary>
    private static bool TryParse(string? entry, out IPNetwork network)
    {
        if (IPAddress.TryParse(entry, out var address))
        {
            network = new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32);
            return true;
        }

        // IPNetwork clears bits after the prefix (10.0.0.1/8 becomes 10.0.0.0/8); such an entry may have meant one
        // address, so it is refused rather than widened.
        return IPNetwork.TryParse(entry, out network)
            && entry is not null
            && IPAddress.Parse(entry.AsSpan(0, entry.IndexOf('/', StringComparison.Ordinal))).Equals(network.BaseAddress);
    }
}
