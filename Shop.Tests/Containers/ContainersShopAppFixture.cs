using Shop.Tests.Integration;

namespace Shop.Tests.Containers;

/// <summary>
/// The shared app in containers mode: PostgreSQL and RabbitMQ as Aspire's containers on the machine's Docker engine
/// (scripts/test.sh starts one and provides the images). Ephemeral, so its containers get no named volumes.
/// </summary>
public sealed class ContainersShopAppFixture : ShopAppFixture
{
    public override InfrastructureMode Infrastructure => InfrastructureMode.Containers;
}

[CollectionDefinition(Name)]
public sealed class ContainersShopAppCollection : ICollectionFixture<ContainersShopAppFixture>
{
    public const string Name = "Shop app (containers mode)";
}
