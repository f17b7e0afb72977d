namespace Shop.AppHost.Infrastructure.Local;

/// <summary>The launch scripts of the local servers, kept beside this code so they are read, not generated.</summary>
internal static class LocalScripts
{
    public static string Path(IDistributedApplicationBuilder builder, string fileName) =>
        System.IO.Path.Combine(builder.AppHostDirectory, "Infrastructure", "Local", fileName);
}
