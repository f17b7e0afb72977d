using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Shop.ServiceDefaults.OpenApi;

/// <summary>
/// The bearer scheme, and on each operation the requirement its endpoint really has: none when anonymous, a token when
/// signed in, a token with a role when a policy names one. Read from the same endpoint metadata the authorization
/// middleware reads, so the document cannot claim otherwise.
/// </summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string SchemeName = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token from POST /api/v1/auth/token (Users API).",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var access = EndpointAccess.Of(context.Description.ActionDescriptor.EndpointMetadata);
        if (access is not null)
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
        }

        var who = access switch
        {
            null => "Open to anyone: no token needed.",
            { Policies.Count: 0 } => "Requires a bearer token of any signed-in user.",
            _ => $"Requires a bearer token of the {string.Join(" or ", access.Policies)} role.",
        };
        operation.Description = operation.Description is null ? who : $"{operation.Description}\n\n{who}";
        return Task.CompletedTask;
    }
}

/// <summary>Who may call an endpoint: null when anyone may; otherwise signed in, and with one of these role policies when any.</summary>
internal sealed record EndpointAccess(IReadOnlyList<string> Policies)
{
    public static EndpointAccess? Of(IEnumerable<object> metadata)
    {
        var all = metadata.ToList();
        var authorize = all.OfType<IAuthorizeData>().ToList();
        if (all.OfType<IAllowAnonymous>().Any() || authorize.Count == 0)
        {
            return null;
        }

        return new EndpointAccess([.. authorize.Select(data => data.Policy).OfType<string>().Distinct()]);
    }
}
