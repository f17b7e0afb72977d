using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Shop.ServiceDefaults.Http;

namespace Shop.ServiceDefaults.OpenApi;

/// <summary>
/// The answers every operation can give besides its own: what the gateway adds in front of it (a bad header value,
/// 401 and 403 at the door, body limits, rate limits, an upstream down or slow) and the headers every response
/// carries. All of them are ProblemDetails; a status the endpoint already declares keeps its own description.
/// </summary>
internal sealed class EdgeResponsesTransformer : IOpenApiOperationTransformer
{
    private const string ProblemJson = "application/problem+json";
    private const string ProblemSchemaName = "ProblemDetails";
    private const string RetryAfter = "Retry-After";
    private const string Location = "Location";

    // Set by the gateway (Shop.Gateway's TraceIdHeaderExtensions) on every answer it relays or gives.
    private const string TraceId = "X-Trace-Id";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document ?? throw new InvalidOperationException("Operation transformers run inside a document.");
        var problem = await ProblemSchemaAsync(document, context, cancellationToken);
        var access = EndpointAccess.Of(context.Description.ActionDescriptor.EndpointMetadata);
        var takesBody = context.Description.ParameterDescriptions.Any(parameter => parameter.Source == BindingSource.Body);
        var responses = operation.Responses ??= [];

        void Add(int status, string description, params string[] headers)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!responses.TryGetValue(key, out var response))
            {
                response = new OpenApiResponse
                {
                    Description = description,
                    Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = problem } },
                };
                responses[key] = response;
            }

            foreach (var header in headers)
            {
                AddHeader(response, header);
            }
        }

        Add(StatusCodes.Status400BadRequest, "Bad request: a header value that is not UTF-8 text, or an invalid field.");
        if (access is not null)
        {
            Add(StatusCodes.Status401Unauthorized, "No bearer token, or one that is invalid or expired.");
        }

        if (access is { Policies.Count: > 0 })
        {
            Add(StatusCodes.Status403Forbidden, "The token's role may not call this operation.");
        }

        if (takesBody)
        {
            Add(StatusCodes.Status413PayloadTooLarge, "The body is larger than the gateway accepts.");
            Add(StatusCodes.Status415UnsupportedMediaType, "The body is not application/json.");
        }

        Add(StatusCodes.Status429TooManyRequests, "Too many requests from this client; wait for Retry-After seconds.", RetryAfter);
        Add(StatusCodes.Status502BadGateway, "The service failed to answer the request.");
        Add(StatusCodes.Status503ServiceUnavailable, "The service, or one it depends on, cannot be reached now.", RetryAfter);
        Add(StatusCodes.Status504GatewayTimeout, "The service did not answer in time.");

        foreach (var (status, response) in responses)
        {
            AddHeader(response, RequestIdExtensions.HeaderName);
            AddHeader(response, TraceId);
            if (status is "201" or "202")
            {
                AddHeader(response, Location);
            }
        }
    }

    private static readonly Dictionary<string, (string Description, OpenApiSchema Schema)> Headers = new()
    {
        [RequestIdExtensions.HeaderName] = ("The request's id: the caller's when it sent a sane one, otherwise a new one.", new() { Type = JsonSchemaType.String, MaxLength = RequestIdExtensions.MaxLength }),
        [TraceId] = ("The W3C trace id of the request, to find its whole flow in the telemetry.", new() { Type = JsonSchemaType.String, Pattern = "^[0-9a-f]{32}$" }),
        [RetryAfter] = ("Seconds to wait before trying again.", new() { Type = JsonSchemaType.Integer, Minimum = "0" }),
        [Location] = ("The URL of the created or accepted resource.", new() { Type = JsonSchemaType.String, Format = "uri-reference" }),
    };

    private static void AddHeader(IOpenApiResponse response, string name)
    {
        if (response is not OpenApiResponse concrete)
        {
            return;
        }

        concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
        var (description, schema) = Headers[name];
        concrete.Headers.TryAdd(name, new OpenApiHeader { Description = description, Schema = schema });
    }

    private static async Task<IOpenApiSchema> ProblemSchemaAsync(OpenApiDocument document, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Components?.Schemas?.ContainsKey(ProblemSchemaName) != true)
        {
            document.AddComponent(ProblemSchemaName, await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken));
        }

        return new OpenApiSchemaReference(ProblemSchemaName, document);
    }
}
