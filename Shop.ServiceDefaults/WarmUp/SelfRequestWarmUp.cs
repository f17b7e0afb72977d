using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Shop.ServiceDefaults.Authentication;
using Shop.ServiceDefaults.Http;

namespace Shop.ServiceDefaults.WarmUp;

/// <summary>
/// Sends the service's own <see cref="SelfRequest"/>s to the address it listens on, once it listens: calling handlers
/// in process warms their queries but not the HTTP path around them, which is most of a cold first request.
/// Signed-in requests carry a token of <see cref="WarmUpSigningKey"/>, so no other service is involved.
/// </summary>
internal sealed class SelfRequestWarmUp(
    SelfRequests requests,
    IServer server,
    IHostApplicationLifetime lifetime,
    IHttpClientFactory clients,
    WarmUpSigningKey signingKey,
    IConfiguration configuration) : IWarmUp
{
    public const string ClientName = "shop-warm-up-self";

    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        await UntilListeningAsync(cancellationToken);

        using var client = clients.CreateClient(ClientName);
        client.BaseAddress = OwnAddress();
        var token = signingKey.CreateCustomerToken(Guid.NewGuid());
        foreach (var request in requests.All)
        {
            using var message = Build(request, token);
            using var response = await client.SendAsync(message, cancellationToken);
            if ((int)response.StatusCode != request.ExpectedStatus)
            {
                throw new InvalidOperationException(
                    $"{request.Method} {request.PathAndQuery} answered {(int)response.StatusCode}, not {request.ExpectedStatus}.");
            }
        }
    }

    private static HttpRequestMessage Build(SelfRequest request, string token)
    {
        var random = Guid.NewGuid().ToString();
        string Fill(string text) => text.Replace(SelfRequest.RandomPlaceholder, random, StringComparison.Ordinal);

        var message = new HttpRequestMessage(new HttpMethod(request.Method), Fill(request.PathAndQuery));
        if (request.JsonBody is { } body)
        {
            message.Content = new StringContent(Fill(body), Encoding.UTF8, "application/json");
        }

        if (request.SignedIn)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        foreach (var (name, value) in request.Headers)
        {
            message.Headers.Add(name, Fill(value));
        }

        return message;
    }

    private async Task UntilListeningAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// The first address the server listens on that is not the management port, with a wildcard host (a container's
    /// <c>http://+:8080</c>) made loopback.
    /// </summary>
    private Uri OwnAddress()
    {
        var managementPort = configuration.GetValue<int?>(ManagementPortExtensions.SettingName);
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
            if (uri.Port == managementPort)
            {
                continue;
            }

            if (uri.Host is "0.0.0.0" or "[::]" or "::")
            {
                uri.Host = "localhost";
            }

            return uri.Uri;
        }

        throw new InvalidOperationException($"The server listens on no address to warm up through ({string.Join(", ", addresses)}).");
    }
}
