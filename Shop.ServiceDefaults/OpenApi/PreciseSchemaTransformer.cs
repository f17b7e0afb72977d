using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Shop.ServiceDefaults.OpenApi;

/// <summary>
/// Schemas that say what the services write. The generator types every number as "number or numeric string" (the web
/// serializer reads both), but the services always write numbers; and it puts <c>null</c> into the values of an enum
/// used as a nullable property, so a null matched both branches of that property's <c>oneOf</c> and broke it. Money is a
/// C# decimal: <c>format: decimal</c> lets a generated client keep it one (a double loses cents).
/// </summary>
internal sealed class PreciseSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } types && (types & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 && types.HasFlag(JsonSchemaType.String))
        {
            schema.Type = types & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        if (schema.Enum is { Count: > 0 } values)
        {
            // Every enum is written as its name (JsonStringEnumConverter in ServiceDefaults).
            schema.Enum = [.. values.Where(value => value is not null)];
            schema.Type = JsonSchemaType.String;
        }

        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type == typeof(decimal))
        {
            schema.Format = "decimal";
        }

        return Task.CompletedTask;
    }
}
