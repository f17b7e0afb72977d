using System.Net;
using System.Net.Http.Json;
using Shop.Tests.Integration;

namespace Shop.Tests.Containers;

/// <summary>
/// What containers mode leaves on the engine: data on named volumes that outlives the AppHost, and nothing else.
/// Each test starts its own apps, because what is asserted happens when an app is disposed.
/// </summary>
public sealed class ContainerLifetimeTests
{
    [Fact]
    public async Task Data_on_named_volumes_survives_an_AppHost_restart_and_disposing_leaves_only_the_volumes()
    {
        var volumePrefix = $"shop-test-{Guid.NewGuid():N}"[..18];
        string[] volumes = [$"{volumePrefix}-postgres-data", $"{volumePrefix}-messaging-data"];
        var email = $"returning-{Guid.NewGuid():N}@example.com";
        const string password = "correct horse battery";
        try
        {
            await using (var first = new PersistentContainersApp(volumePrefix))
            {
                await first.InitializeAsync();
                using var users = first.App.CreateHttpClient("users", "http");
                using var registered = await users.PostAsJsonAsync("/api/v1/users", new { email, password, displayName = "Returning" }, TestContext.Timeout);
                Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

                var leftovers = await first.EngineObjectsAsync();
                await first.DisposeAsync();
                await AssertGoneAsync(leftovers);
            }

            Assert.Equal(volumes.Order(StringComparer.Ordinal), await Docker.VolumesAsync(volumePrefix));

            await using var second = new PersistentContainersApp(volumePrefix);
            await second.InitializeAsync();
            using var usersAgain = second.App.CreateHttpClient("users", "http");
            using var signedIn = await usersAgain.PostAsJsonAsync("/api/v1/auth/token", new { email, password }, TestContext.Timeout);
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        }
        finally
        {
            await Docker.RemoveVolumesAsync(volumes);
        }
    }

    [Fact]
    public async Task Disposing_a_throwaway_app_removes_its_containers_network_and_volumes()
    {
        var volumePrefix = $"shop-test-{Guid.NewGuid():N}"[..18];
        var app = new ThrowawayInfrastructureApp(volumePrefix);
        await app.InitializeAsync();
        var leftovers = await app.EngineObjectsAsync();
        Assert.Equal(2, (await Docker.VolumesAsync(volumePrefix)).Length);

        await app.DisposeAsync();

        await AssertGoneAsync(leftovers);
        Assert.Empty(await Docker.VolumesAsync(volumePrefix));
    }

    private static async Task AssertGoneAsync(IEnumerable<(string Kind, string Name)> objects)
    {
        foreach (var (kind, name) in objects)
        {
            Assert.False(await Docker.ExistsAsync(kind, name), $"The {kind} {name} is still there after the app was disposed.");
        }
    }

    private class ThrowawayContainersApp(string volumePrefix) : ShopApp, IAsyncDisposable
    {
        public override InfrastructureMode Infrastructure => InfrastructureMode.Containers;

        protected override IEnumerable<string> Settings => [$"--Shop:VolumePrefix={volumePrefix}"];

        /// <summary>The containers of PostgreSQL and RabbitMQ, and the networks they are attached to.</summary>
        public async Task<IReadOnlyList<(string Kind, string Name)>> EngineObjectsAsync()
        {
            var objects = new List<(string Kind, string Name)>();
            foreach (var resource in new[] { ShopResources.Postgres, ShopResources.Messaging })
            {
                Assert.True(App.ResourceNotifications.TryGetCurrentState(resource, out var state));
                var container = state.Snapshot.Properties.Single(property => property.Name == "container.id").Value?.ToString();
                Assert.False(string.IsNullOrEmpty(container), $"{resource} has no container id.");
                objects.Add(("container", container));
                objects.AddRange((await Docker.NetworksOfAsync(container)).Select(network => ("network", network)));
            }

            return objects;
        }

        ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
    }

    /// <summary>Only PostgreSQL and RabbitMQ: what is left behind is theirs, and they start in seconds, not a minute.</summary>
    private sealed class ThrowawayInfrastructureApp(string volumePrefix) : ThrowawayContainersApp(volumePrefix)
    {
        protected override void Shape(IDistributedApplicationTestingBuilder builder) => builder.RemoveProjectsExcept();
    }

    /// <summary>
    /// Not ephemeral, with fixed passwords, so a second app on the same volumes can read the first one's data; only
    /// the users service, whose accounts are the data.
    /// </summary>
    private sealed class PersistentContainersApp(string volumePrefix) : ThrowawayContainersApp(volumePrefix)
    {
        protected override void Shape(IDistributedApplicationTestingBuilder builder) => builder.RemoveProjectsExcept("users");

        protected override IEnumerable<string> Settings =>
        [
            .. base.Settings, "--Shop:EphemeralData=false",
            "--Parameters:postgres-password=persistentPostgres1", "--Parameters:messaging-password=persistentBroker1",
        ];
    }
}
