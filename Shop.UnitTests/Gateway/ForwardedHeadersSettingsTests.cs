using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Shop.Gateway.Edge;
using IPNetwork = System.Net.IPNetwork;

namespace Shop.UnitTests.Gateway;

/// <summary>Which proxies the gateway's settings accept, and what they make of ASP.NET Core's forwarded-headers options.</summary>
public sealed class ForwardedHeadersSettingsTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("10.0.0.0/8")]
    [InlineData("fd00::/8")]
    public void An_address_or_a_network_is_accepted(string entry) =>
        Assert.Empty(Validate(new ForwardedHeadersSettings { TrustedProxies = [entry] }));

    [Theory]
    [InlineData("10.0.0.1/8")]
    [InlineData("10.0.0.0/33")]
    [InlineData("127.0.0.1:8080")]
    [InlineData("localhost")]
    [InlineData("")]
    public void Anything_else_is_refused_naming_the_entry(string entry)
    {
        var settings = new ForwardedHeadersSettings { TrustedProxies = ["127.0.0.1", entry] };

        var failure = Assert.Single(Validate(settings));

        Assert.Equal([nameof(ForwardedHeadersSettings.TrustedProxies)], failure.MemberNames);
        Assert.StartsWith($"'{entry}' ", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void No_trusted_proxy_reads_no_forwarded_header_even_when_the_host_switched_them_on()
    {
        var options = HostSwitchedOn();

        new ForwardedHeadersSettings().ApplyTo(options);

        Assert.Equal(ForwardedHeaders.None, options.ForwardedHeaders);
    }

    [Fact]
    public void Trusted_proxies_replace_the_known_ones_and_their_whole_chain_is_read()
    {
        var options = new ForwardedHeadersOptions();

        new ForwardedHeadersSettings { TrustedProxies = ["10.1.2.3", "fd00::/8"] }.ApplyTo(options);

        Assert.Equal(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, options.ForwardedHeaders);
        Assert.Empty(options.KnownProxies);
        Assert.Equal([IPNetwork.Parse("10.1.2.3/32"), IPNetwork.Parse("fd00::/8")], options.KnownIPNetworks);
        Assert.Null(options.ForwardLimit);
        Assert.DoesNotContain(options.KnownIPNetworks, network => network.Contains(IPAddress.Loopback));
    }

    /// <summary>What ASP.NET Core's host makes of ASPNETCORE_FORWARDEDHEADERS_ENABLED=true: both headers, from anyone.</summary>
    private static ForwardedHeadersOptions HostSwitchedOn()
    {
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        return options;
    }

    private static List<ValidationResult> Validate(ForwardedHeadersSettings settings)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true);
        return results;
    }
}
