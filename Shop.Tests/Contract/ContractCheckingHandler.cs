namespace Shop.Tests.Contract;

/// <summary>
/// Holds every response a test receives through the gateway to the committed OpenAPI documents
/// (<see cref="OpenApiContract"/>): a response that breaks its document fails the test that caused it.
/// </summary>
internal sealed class ContractCheckingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.RequestUri is not { } uri || request.Method == HttpMethod.Head)
        {
            return response;
        }

        // Buffered, so the test still reads the body it expects.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var violations = OpenApiContract.Committed.Violations(
            request.Method.Method, uri.AbsolutePath, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
        if (violations.Count > 0)
        {
            response.Dispose();
            throw new ContractViolationException(string.Join('\n', violations));
        }

        return response;
    }
}

/// <summary>A response that does not match the committed OpenAPI document of the service that answered.</summary>
internal sealed class ContractViolationException(string message) : Xunit.Sdk.XunitException(message);
