using Scalar.AspNetCore;

namespace Shop.Gateway.Edge;

/// <summary>
/// <c>/docs</c>: one Scalar page over every service's OpenAPI document, each fetched through the gateway's
/// <c>/openapi/{service}.json</c> routes, so "try it" requests go through the gateway like any client's.
/// </summary>
public static class ApiReferenceExtensions
{
    public const string Path = "/docs";

    // The scheme name every service's document declares (ServiceDefaults' BearerSecurityTransformer).
    private const string BearerScheme = "Bearer";

    private static readonly (string Service, string Title)[] Documents =
    [
        ("users", "Users"), ("inventory", "Inventory"), ("orders", "Orders"), ("payments", "Payments"), ("notifications", "Notifications"),
    ];

    public static WebApplication MapApiReference(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.MapScalarApiReference(Path, options =>
        {
            options.WithTitle("Shop API");

            // Every document declares the same bearer scheme: a token entered once is offered for each, and kept
            // across reloads of this page (the browser's local storage; tokens expire within the hour).
            options.AddPreferredSecuritySchemes([BearerScheme]);
            options.EnablePersistentAuthentication();
            foreach (var (service, title) in Documents)
            {
                options.AddDocument(service, title, $"/openapi/{service}.json");
            }
        });

        return app;
    }
}
