using Microsoft.Extensions.DependencyInjection;

namespace Shop.Tests.Integration;

/// <summary>
/// The real Shop AppHost started once for a test collection: its own throwaway data directory and a random gateway
/// port, so it never collides with a developer's running instance (which uses :8000 and .shop-data/).
/// </summary>
public abstract class ShopApp : IAsyncLifetime
{
    private DistributedApplication? _app;

    public string DataDirectory { get; } = ShopTestPaths.NewDataDirectory();

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>Extra AppHost settings, such as <c>--Shop:Infrastructure=local</c>.</summary>
    protected virtual IEnumerable<string> Settings => [];

    public async Task InitializeAsync()
    {
        using var startup = new CancellationTokenSource(TestContext.StartupTimeout);
        string[] arguments = ["--Shop:GatewayPort=0", "--Shop:EphemeralData=true", $"--Shop:DataDirectory={DataDirectory}", .. Settings];

        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Shop_AppHost>(
            arguments,
            (options, _) => options.DisableDashboard = true,
            startup.Token);
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());

        _app = await builder.BuildAsync(startup.Token);
        await _app.StartAsync(startup.Token);
        foreach (var resource in ShopResources.All)
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, startup.Token);
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }
}
