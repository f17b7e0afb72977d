using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shop.Tests.Integration;
using Shop.Tests.Saga;

namespace Shop.Tests.Containers;

/// <summary>
/// A container that cannot start is named, with its image, in the AppHost's own log: before, the only trace a user
/// saw was "gateway failed to start", and the engine's reason stayed in DCP's debug log.
/// </summary>
public sealed class ContainerFailureTests
{
    private const string MissingImage = "shop-no-such-image";

    [Fact]
    public async Task A_broker_container_that_cannot_start_is_named_with_its_image_in_the_AppHost_log()
    {
        using var startup = new CancellationTokenSource(TestContext.StartupTimeout);
        var log = new ConcurrentQueue<AppHostLogEntry>();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Shop_AppHost>(
            ["--Shop:Infrastructure=containers", "--Shop:EphemeralData=true", "--Shop:GatewayPort=0"], startup.Token);
        builder.Services.AddLogging(logging => logging.AddProvider(new AppHostLog(log, new ConcurrentDictionary<string, ConcurrentQueue<string>>())));
        builder.RemoveProjectsExcept(); // the broker alone shows it

        // The engine cannot pull this, as a machine without a registry cannot pull the real one.
        var image = builder.Resources.Single(resource => resource.Name == ShopResources.Messaging).Annotations.OfType<ContainerImageAnnotation>().Single();
        image.Image = $"library/{MissingImage}";
        image.Tag = "0";

        await using var app = await builder.BuildAsync(startup.Token);
        await app.StartAsync(startup.Token);
        await app.ResourceNotifications.WaitForResourceAsync(ShopResources.Messaging, KnownResourceStates.FailedToStart, startup.Token);

        var reported = await OrderJourney.UntilAsync(
            () => Task.FromResult(log
                .Where(entry => entry.Level == LogLevel.Error && entry.Message.StartsWith("Container 'messaging'", StringComparison.Ordinal))
                .Select(entry => entry.Message)
                .ToArray()),
            found => found.Length > 0,
            "the AppHost's error about the messaging container");
        Assert.Contains($"docker.io/library/{MissingImage}:0", reported[0], StringComparison.Ordinal);
        Assert.Contains("scripts/container-images.sh", reported[0], StringComparison.Ordinal);
    }
}
