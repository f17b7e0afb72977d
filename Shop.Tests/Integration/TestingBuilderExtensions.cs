namespace Shop.Tests.Integration;

internal static class TestingBuilderExtensions
{
    /// <summary>
    /// For tests about infrastructure: drops every project but <paramref name="kept"/>, so the app starts in seconds
    /// rather than a minute.
    /// </summary>
    public static void RemoveProjectsExcept(this IDistributedApplicationTestingBuilder builder, params string[] kept)
    {
        foreach (var project in builder.Resources.OfType<ProjectResource>().Where(project => !kept.Contains(project.Name)).ToList())
        {
            builder.Resources.Remove(project);
        }
    }
}
