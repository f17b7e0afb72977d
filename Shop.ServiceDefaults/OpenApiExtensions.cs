using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.OpenApi;
using Shop.ServiceDefaults.Http;
using Shop.ServiceDefaults.OpenApi;

namespace Microsoft.Extensions.Hosting;

public static class OpenApiExtensions
{
    /// <summary>
    /// Serves the service's OpenAPI document at <c>/openapi/v1.json</c>, titled so a reader knows which service it is,
    /// with what the endpoints' metadata says of security and what the gateway in front adds (docs/gateway.md).
    /// </summary>
    /// <param name="constrain">The service's own rules (<see cref="OpenApiConstraints"/>), from its validation's constants.</param>
    public static TBuilder AddDefaultOpenApi<TBuilder>(this TBuilder builder, string title, Action<OpenApiOptions>? constrain = null)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);

        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = title;
                document.Info.Version = "v1";
                document.Info.Description =
                    $"{title}, reached through the Shop gateway (/api/v1/...). Every error is a ProblemDetails (application/problem+json) "
                    + "and every response carries X-Request-ID and X-Trace-Id.";

                // Clients reach every service through the gateway, at whatever address it has: no server is named.
                document.Servers = [];
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer<BearerSecurityTransformer>();
            options.AddOperationTransformer<BearerSecurityTransformer>();
            options.AddOperationTransformer<EdgeResponsesTransformer>();
            options.AddSchemaTransformer<PreciseSchemaTransformer>();
            options.AddDocumentTransformer<RequestBodiesTransformer>();
            options.AddSchemaTransformer<RequestBodiesTransformer>();

            // Every list endpoint pages the same way (PageRequest).
            options.ConstrainParameter("page", OpenApiConstraints.Schema(OpenApiConstraints.Between(1, PageRequest.MaxPage)));
            options.ConstrainParameter("pageSize", OpenApiConstraints.Schema(OpenApiConstraints.Between(1, PageRequest.MaxPageSize)));
            constrain?.Invoke(options);
        });

        return builder;
    }

    public static WebApplication MapDefaultOpenApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.MapOpenApi();
        return app;
    }
}
