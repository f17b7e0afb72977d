using System.Net;
using Microsoft.Extensions.ServiceDiscovery;

namespace Shop.ServiceDefaults.WarmUp;

/// <summary>
/// Waits until another service answers a request with success, through service discovery but without the resilience
/// pipeline: a dependency that is still starting answers 503 or refuses connections, which is expected while warming up
/// and must not be logged as a failed attempt.
/// </summary>
public sealed class DependencyProbe(IHttpClientFactory clients, ServiceEndpointResolver endpoints)
{
    public const string ClientName = "shop-warm-up-probe";

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Asks <paramref name="address"/> at each instance service discovery knows for its host (every replica locally,
    /// the one Service in Kubernetes), so that a request spread over them cannot meet one that is still starting.
    /// </summary>
    public async Task WaitUntilEveryInstanceAnswersAsync(Uri address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);

        var source = await endpoints.GetEndpointsAsync(address.GetLeftPart(UriPartial.Authority), cancellationToken);
        foreach (var endpoint in source.Endpoints)
        {
            var instance = endpoint.EndPoint switch
            {
                DnsEndPoint dns => new UriBuilder(address) { Host = dns.Host, Port = dns.Port }.Uri,
                IPEndPoint ip => new UriBuilder(address) { Host = ip.Address.ToString(), Port = ip.Port }.Uri,
                _ => address,
            };
            await WaitUntilAnsweringAsync(instance, cancellationToken);
        }
    }

    public async Task WaitUntilAnsweringAsync(Uri address, CancellationToken cancellationToken)
    {
        using var probe = clients.CreateClient(ClientName);
        while (true)
        {
            try
            {
                using var response = await probe.GetAsync(address, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(Interval, cancellationToken);
        }
    }
}
