using System.Text.Json;
using System.Xml.Linq;

namespace Shop.Tests.Architecture;

/// <summary>Shop's projects as their files and their build describe them: references, package closure, assembly.</summary>
internal static class ShopProjects
{
    public const string Gateway = "Shop.Gateway";
    public const string ServiceDefaults = "Shop.ServiceDefaults";
    public const string Data = "Shop.Data";
    public const string EventBus = "Shop.EventBus";
    public const string IntegrationEvents = "Shop.IntegrationEvents";
    public const string AppHost = "Shop.AppHost";

    public static IReadOnlyList<string> Services { get; } = ["Shop.Orders", "Shop.Inventory", "Shop.Payments", "Shop.Users", "Shop.Notifications"];

    /// <summary>Every project that ships (the tests and the benchmark do not).</summary>
    public static IReadOnlyList<string> Product { get; } = [.. Services, Gateway, ServiceDefaults, Data, EventBus, IntegrationEvents, AppHost];

    /// <summary>The Shop projects <paramref name="project"/> references directly.</summary>
    public static IReadOnlyList<string> ProjectReferences(string project) =>
        [.. References(project, "ProjectReference").Select(path => Path.GetFileNameWithoutExtension(path.Replace('\\', '/')))];

    /// <summary>The packages <paramref name="project"/> references directly.</summary>
    public static IReadOnlyList<string> PackageReferences(string project) => References(project, "PackageReference");

    /// <summary>Every package <paramref name="project"/> restores, transitively (its obj/project.assets.json).</summary>
    public static IReadOnlyList<string> PackageClosure(string project)
    {
        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(ShopTestPaths.RepositoryRoot, project, "obj", "project.assets.json")));
        return
        [
            .. assets.RootElement.GetProperty("libraries").EnumerateObject()
                .Where(library => library.Value.GetProperty("type").GetString() == "package")
                .Select(library => library.Name.Split('/')[0]),
        ];
    }

    /// <summary>The assembly <paramref name="project"/> built, in the same configuration as these tests.</summary>
    public static string AssemblyPath(string project)
    {
        // .../Shop.Tests/bin/<Configuration>/<TargetFramework>/
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(ShopTestPaths.RepositoryRoot, project, "bin", output.Parent!.Name, output.Name, project + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{project} is not built: build Shop.sln first.", path);
    }

    private static List<string> References(string project, string item) =>
        [
            .. XDocument.Load(Path.Combine(ShopTestPaths.RepositoryRoot, project, project + ".csproj"))
                .Descendants(item)
                .Select(reference => (string)reference.Attribute("Include")!),
        ];
}
