using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Shop.ServiceDefaults.Configuration;

/// <summary>
/// DataAnnotations validation whose failures name the setting (<c>Jwt:SigningKey</c>), not the options class and
/// property, so an operator knows which variable to fix.
/// </summary>
internal sealed class SectionDataAnnotationsValidator<TOptions>(string sectionName) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(results.SelectMany(result => result.MemberNames.Select(member => $"{sectionName}:{member}: {result.ErrorMessage}")));
    }
}
