using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting;

public static class AppHostSectionExtensions
{
    /// <summary>
    /// Passes the AppHost's configuration section <paramref name="section"/> to the resource as environment variables,
    /// under <paramref name="targetSection"/> (or at the top of its configuration when null), so a run can change a
    /// setting of a project without editing its appsettings.json:
    /// <c>dotnet run --project Shop.AppHost -- --Messaging:CleanupInterval=00:01:00</c>.
    /// </summary>
    public static IResourceBuilder<T> WithAppHostSection<T>(this IResourceBuilder<T> resource, string section, string? targetSection)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentException.ThrowIfNullOrWhiteSpace(section);

        foreach (var (key, value) in resource.ApplicationBuilder.Configuration.GetSection(section).AsEnumerable(makePathsRelative: true))
        {
            if (value is not null)
            {
                var name = targetSection is null ? key : $"{targetSection}:{key}";
                resource.WithEnvironment(name.Replace(":", "__", StringComparison.Ordinal), value);
            }
        }

        return resource;
    }
}
