namespace Shop.Tests;

internal static class ShopTestPaths
{
    /// <summary>
    /// A fresh directory for one test app's local servers, under a root the AppHost sweeps for runs whose owner died.
    /// It is outside the repository, so tests never touch a developer's <c>.shop-data/</c>.
    /// </summary>
    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "shop-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The clone the tests were built from (the directory holding <c>Shop.sln</c>).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Shop.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Shop.sln above {AppContext.BaseDirectory}.");
    }
}
