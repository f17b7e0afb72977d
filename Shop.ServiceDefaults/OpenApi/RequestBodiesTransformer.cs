using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Shop.ServiceDefaults.OpenApi;

/// <summary>
/// Request bodies as the services take them. Their C# properties are nullable only so that a missing value becomes a
/// named validation error instead of a binding failure: every body and every required property must be there, and
/// null is refused with a 400. So the document marks bodies required and those properties not nullable.
/// </summary>
internal sealed class RequestBodiesTransformer(IApiDescriptionGroupCollectionProvider descriptions)
    : IOpenApiDocumentTransformer, IOpenApiSchemaTransformer
{
    private readonly Lazy<HashSet<Type>> _requestTypes = new(() => RequestTypes(descriptions));

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var operations = (document.Paths ?? []).Values.SelectMany(path => path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>());
        foreach (var body in operations.Select(operation => operation.RequestBody).OfType<OpenApiRequestBody>())
        {
            body.Required = true;
        }

        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is { AssociatedParameter.HasDefaultValue: false } property
            && _requestTypes.Value.Contains(property.DeclaringType)
            && schema.Type is { } type)
        {
            schema.Type = type & ~JsonSchemaType.Null;
        }

        return Task.CompletedTask;
    }

    // The body types of every endpoint, and the types their properties hold (an order's lines), from the service's own assembly.
    private static HashSet<Type> RequestTypes(IApiDescriptionGroupCollectionProvider descriptions)
    {
        var found = new HashSet<Type>();
        var pending = new Stack<Type>(descriptions.ApiDescriptionGroups.Items
            .SelectMany(group => group.Items)
            .SelectMany(description => description.ParameterDescriptions)
            .Where(parameter => parameter.Source == BindingSource.Body)
            .Select(parameter => Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type));
        while (pending.TryPop(out var type))
        {
            if (!found.Add(type))
            {
                continue;
            }

            var held = type.GetProperties()
                .SelectMany(property => property.PropertyType.IsGenericType ? property.PropertyType.GetGenericArguments() : [property.PropertyType])
                .Select(held => Nullable.GetUnderlyingType(held) ?? held)
                .Where(held => held.Assembly == type.Assembly);
            foreach (var next in held)
            {
                pending.Push(next);
            }
        }

        return found;
    }
}
