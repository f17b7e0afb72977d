namespace Shop.Tests.Integration;

/// <summary>Starts its own app in local mode, because the test is about what disposing it leaves behind.</summary>
public sealed class ShutdownTests : IAsyncLifetime
{
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(30);

    private readonly LocalModeApp _shop = new();

    public Task InitializeAsync() => _shop.InitializeAsync();

    public Task DisposeAsync() => _shop.DisposeAsync();

    [Fact]
    public async Task Disposing_the_app_stops_every_local_server_process_and_deletes_its_data()
    {
        var running = LocalProcesses.Mentioning(_shop.DataDirectory);
        Assert.Contains(running, process => process.Contains("postgres", StringComparison.Ordinal));
        Assert.Contains(running, process => process.Contains("beam.smp", StringComparison.Ordinal));
        Assert.Contains(running, process => process.Contains("epmd", StringComparison.Ordinal));

        await _shop.DisposeAsync();

        var deadline = DateTime.UtcNow + ShutdownGrace;
        var leftovers = LocalProcesses.Mentioning(_shop.DataDirectory);
        while (leftovers.Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
            leftovers = LocalProcesses.Mentioning(_shop.DataDirectory);
        }

        Assert.Empty(leftovers);
        Assert.False(Directory.Exists(_shop.DataDirectory), $"{_shop.DataDirectory} should be deleted with the app.");
    }

    /// <summary>Only the local servers: they are what disposing must stop.</summary>
    private sealed class LocalModeApp : ShopApp
    {
        public override InfrastructureMode Infrastructure => InfrastructureMode.Local;

        protected override void Shape(IDistributedApplicationTestingBuilder builder) => builder.RemoveProjectsExcept();
    }
}
