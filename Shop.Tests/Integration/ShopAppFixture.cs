namespace Shop.Tests.Integration;

/// <summary>The app most integration tests share, in the infrastructure mode the machine supports (auto).</summary>
public sealed class ShopAppFixture : ShopApp;

[CollectionDefinition(Name)]
public sealed class ShopAppCollection : ICollectionFixture<ShopAppFixture>
{
    public const string Name = "Shop app";
}
