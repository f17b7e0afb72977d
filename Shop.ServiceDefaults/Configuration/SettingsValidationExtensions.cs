using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shop.ServiceDefaults.Configuration;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Settings checked when the host starts, before it listens: a missing or invalid value fails the start with a message
/// naming the setting as it is configured (<c>Jwt:SigningKey</c>, <c>ConnectionStrings:ordersdb</c>), instead of a 500
/// on the first request that needs it.
/// </summary>
public static class SettingsValidationExtensions
{
    /// <summary>Binds <typeparamref name="TOptions"/> to <paramref name="sectionName"/> and validates its DataAnnotations at start.</summary>
    public static OptionsBuilder<TOptions> AddValidatedSettings<TOptions>(this IServiceCollection services, string sectionName)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddSingleton<IValidateOptions<TOptions>>(new SectionDataAnnotationsValidator<TOptions>(sectionName));
        return services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateOnStart();
    }

    /// <summary>
    /// Fails the start when <paramref name="setting"/> has no <paramref name="value"/>: for settings an integration
    /// reads only on first use, such as Aspire's connection strings.
    /// </summary>
    public static IServiceCollection RequireSetting(this IServiceCollection services, string setting, string? value)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<RequiredSetting>(setting)
            .Configure(required => required.Value = value)
            .Validate(required => !string.IsNullOrWhiteSpace(required.Value), $"{setting} is required.")
            .ValidateOnStart();
        return services;
    }
}
