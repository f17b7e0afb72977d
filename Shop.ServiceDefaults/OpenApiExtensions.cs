using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class OpenApiExtensions
{
    /// <summary>Serves the service's OpenAPI document at <c>/openapi/v1.json</c>, titled so a reader knows which service it is.</summary>
    public static TBuilder AddDefaultOpenApi<TBuilder>(this TBuilder builder, string title) where TBuilder : IHostApplicationBuilder
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);

        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = title;
            document.Info.Version = "v1";
            return Task.CompletedTask;
        }));

        return builder;
    }

    public static WebApplication MapDefaultOpenApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.MapOpenApi();
        return app;
    }
}
