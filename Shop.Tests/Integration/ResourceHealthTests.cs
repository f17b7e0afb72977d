using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Shop.Tests.Integration;

/// <summary>Every resource of the AppHost reaches healthy, in each infrastructure mode (one subclass per collection).</summary>
public abstract class ResourceHealthTests(ShopAppFixture shop)
{
    public static TheoryData<string> Resources => [.. ShopResources.All];

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task Every_resource_reaches_healthy(string resource)
    {
        var resourceEvent = await shop.App.ResourceNotifications.WaitForResourceHealthyAsync(resource, TestContext.Timeout);

        Assert.Equal(KnownResourceStates.Running, resourceEvent.Snapshot.State?.Text);
        Assert.Equal(HealthStatus.Healthy, resourceEvent.Snapshot.HealthStatus);
    }
}

[Collection(ShopAppCollection.Name)]
public sealed class LocalResourceHealthTests(ShopAppFixture shop) : ResourceHealthTests(shop);
