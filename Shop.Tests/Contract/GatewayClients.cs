namespace Shop.Tests.Contract;

/// <summary>
/// Clients for a gateway whose every response is held to the committed OpenAPI documents. They share one connection
/// pool and have no resilience handler: a retry would hide a 5xx or a slow answer the tests must see.
/// </summary>
internal static class GatewayClients
{
    private static readonly ContractCheckingHandler Handler = new(new SocketsHttpHandler());

    public static HttpClient For(Uri gateway) => new(Handler, disposeHandler: false) { BaseAddress = gateway };
}
