using Microsoft.Kiota.Abstractions.Authentication;

namespace Shop.ApiClient;

/// <summary>
/// The access token of a signed-in user (from the Users API's <c>POST /api/v1/auth/token</c>), for Kiota's
/// <see cref="BaseBearerTokenAuthenticationProvider"/>. Only requests to the gateway get it: same scheme, host and
/// port, since on one machine the services listen on the same host as the gateway, on other ports. It does not insist
/// on https (Kiota leaves that to the token provider): Shop's gateway is plain http in development and in the tests.
/// </summary>
public sealed class SignedInUserTokenProvider : IAccessTokenProvider
{
    private readonly string _accessToken;
    private readonly Uri _gateway;

    public SignedInUserTokenProvider(string accessToken, Uri gateway)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        ArgumentNullException.ThrowIfNull(gateway);

        _accessToken = accessToken;
        _gateway = gateway;
        AllowedHostsValidator = new AllowedHostsValidator([gateway.Host]);
    }

    public AllowedHostsValidator AllowedHostsValidator { get; }

    public Task<string> GetAuthorizationTokenAsync(
        Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);

        var toGateway = AllowedHostsValidator.IsUrlHostValid(uri)
            && Uri.Compare(uri, _gateway, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
        return Task.FromResult(toGateway ? _accessToken : string.Empty);
    }
}
