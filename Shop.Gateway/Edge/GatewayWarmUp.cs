using Shop.ServiceDefaults.WarmUp;

namespace Shop.Gateway.Edge;

/// <summary>
/// Each kind of route once through the gateway's whole pipeline (header checks, token validation, rate limiter,
/// forwarder, each cluster's connections) before it reports ready; the services are ready by then (the gateway waits for
/// them). Signed-in requests carry the gateway's own warm-up token, which the service behind refuses (401): proof the
/// request was checked and forwarded, with nothing done. The token route is left out: a request would spend one of the
/// sign-in attempts its rate limit allows this machine's address.
/// </summary>
public static class GatewayWarmUp
{
    public static IReadOnlyList<SelfRequest> Requests { get; } =
    [
        new("POST", "/api/v1/users", StatusCodes.Status400BadRequest) { JsonBody = """{"email":"","password":"","displayName":""}""" },
        new("GET", "/api/v1/users/me", StatusCodes.Status401Unauthorized) { SignedIn = true },
        new("GET", "/api/v1/products?page=1&pageSize=5", StatusCodes.Status200OK),
        new("GET", "/api/v1/products/{random}", StatusCodes.Status404NotFound),
        new("POST", "/api/v1/orders", StatusCodes.Status401Unauthorized)
        {
            SignedIn = true,
            Headers = new Dictionary<string, string> { ["Idempotency-Key"] = "warm-up-{random}" },
            JsonBody = """{"items":[{"productId":"{random}","quantity":1}],"paymentToken":"tok_visa"}""",
        },
        new("GET", "/api/v1/orders/{random}", StatusCodes.Status401Unauthorized) { SignedIn = true },
        new("GET", "/api/v1/payments?orderId={random}", StatusCodes.Status401Unauthorized) { SignedIn = true },
        new("GET", "/api/v1/notifications", StatusCodes.Status401Unauthorized) { SignedIn = true },
    ];
}
