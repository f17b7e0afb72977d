namespace Shop.ServiceDefaults.WarmUp;

/// <summary>
/// One request a service sends itself while warming up (<see cref="SelfRequestWarmUp"/>), so that a route's whole HTTP
/// path (routing, binding, JSON, authorization, ProblemDetails) has run once before a client's request. It must change
/// nothing: a read, or a write the service refuses. In <see cref="PathAndQuery"/> and <see cref="JsonBody"/>,
/// <c>{random}</c> becomes a new GUID, so nothing real is found.
/// </summary>
/// <param name="ExpectedStatus">The status of the route's normal answer to this request; any other fails the warm-up.</param>
public sealed record SelfRequest(string Method, string PathAndQuery, int ExpectedStatus)
{
    public const string RandomPlaceholder = "{random}";

    public string? JsonBody { get; init; }

    /// <summary>Sent with a customer's access token (one customer, new at every start, who owns nothing).</summary>
    public bool SignedIn { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
