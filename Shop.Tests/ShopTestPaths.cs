namespace Shop.Tests;

internal static class ShopTestPaths
{
    /// <summary>
    /// A fresh directory for one test app's local servers, under a root the AppHost sweeps for runs whose owner died.
    /// It is outside the repository, so tests never touch a developer's <c>.shop-data/</c>.
    /// </summary>
    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "shop-tests", Guid.NewGuid().ToString("N"));
}
