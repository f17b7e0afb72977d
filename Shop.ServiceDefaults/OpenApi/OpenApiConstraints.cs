using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Shop.ServiceDefaults.OpenApi;

/// <summary>
/// Puts a validation rule into the document from the constants the validation itself uses, so the two cannot drift:
/// a service writes <c>options.ConstrainProperty&lt;PlaceOrderLine&gt;("quantity", OpenApiConstraints.Between(1, Order.MaxQuantity))</c>
/// next to the check <c>quantity is &gt;= 1 and &lt;= Order.MaxQuantity</c>.
/// </summary>
public static class OpenApiConstraints
{
    /// <summary>Constrains the schema of <typeparamref name="T"/>'s JSON property <paramref name="property"/>.</summary>
    public static OpenApiOptions ConstrainProperty<T>(this OpenApiOptions options, string property, Action<OpenApiSchema> constrain)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(constrain);

        return options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonTypeInfo.Type == typeof(T) && context.JsonPropertyInfo is null
                && schema.Properties?.TryGetValue(property, out var target) == true && target is OpenApiSchema concrete)
            {
                constrain(concrete);
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>Constrains the parameter <paramref name="name"/> wherever an operation has it.</summary>
    public static OpenApiOptions ConstrainParameter(this OpenApiOptions options, string name, Action<OpenApiParameter> constrain)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(constrain);

        return options.AddOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(parameter => parameter.Name == name))
            {
                constrain(parameter);
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>An integer or number from <paramref name="minimum"/> to <paramref name="maximum"/>, both included.</summary>
    public static Action<OpenApiSchema> Between(decimal minimum, decimal maximum) => schema =>
    {
        schema.Minimum = minimum.ToString(CultureInfo.InvariantCulture);
        schema.Maximum = maximum.ToString(CultureInfo.InvariantCulture);
    };

    /// <summary>Text of <paramref name="minimum"/> to <paramref name="maximum"/> characters.</summary>
    public static Action<OpenApiSchema> Length(int minimum, int maximum) => schema =>
    {
        schema.MinLength = minimum;
        schema.MaxLength = maximum;
    };

    /// <summary>
    /// Text matching the validation's own .NET <paramref name="pattern"/>. Its closing <c>\z</c> (.NET's <c>$</c> would
    /// also accept a trailing newline) becomes <c>$</c>, which means the same in a document's ECMA-262 pattern.
    /// </summary>
    public static Action<OpenApiSchema> Matching(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var documented = pattern.EndsWith(@"\z", StringComparison.Ordinal) ? $"{pattern[..^2]}$" : pattern;
        return schema => schema.Pattern = documented;
    }

    /// <summary>Text of at least one character.</summary>
    public static Action<OpenApiSchema> NotEmpty { get; } = schema => schema.MinLength = 1;

    /// <summary>Text in a <paramref name="format"/> such as <c>uuid</c> or <c>email</c>.</summary>
    public static Action<OpenApiSchema> Format(string format) => schema => schema.Format = format;

    /// <summary>A list of <paramref name="minimum"/> to <paramref name="maximum"/> items.</summary>
    public static Action<OpenApiSchema> Items(int minimum, int maximum) => schema =>
    {
        schema.MinItems = minimum;
        schema.MaxItems = maximum;
    };

    /// <summary>Applies several constraints to one schema.</summary>
    public static Action<OpenApiSchema> All(params Action<OpenApiSchema>[] constraints) => schema =>
    {
        foreach (var constrain in constraints)
        {
            constrain(schema);
        }
    };

    /// <summary>A required parameter whose schema is constrained by <paramref name="constrain"/>.</summary>
    public static Action<OpenApiParameter> Required(Action<OpenApiSchema> constrain) => parameter =>
    {
        parameter.Required = true;
        Schema(constrain)(parameter);
    };

    /// <summary>A parameter (required or not, as the endpoint says) whose schema is constrained by <paramref name="constrain"/>.</summary>
    public static Action<OpenApiParameter> Schema(Action<OpenApiSchema> constrain) => parameter =>
    {
        if (parameter.Schema is OpenApiSchema schema)
        {
            constrain(schema);
        }
    };
}
