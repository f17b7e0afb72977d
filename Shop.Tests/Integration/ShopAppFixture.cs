using Shop.Tests.Api;

namespace Shop.Tests.Integration;

/// <summary>The app most integration tests share, in local mode; the containers-mode collection derives from it.</summary>
public class ShopAppFixture : ShopApp
{
    private readonly Lazy<Task<Scenario>> _scenario;

    public ShopAppFixture()
    {
        Api = new ShopApi(this);
        _scenario = new Lazy<Task<Scenario>>(() => Shop.Tests.Api.Scenario.CreateAsync(Api));
    }

    public ShopApi Api { get; }

    /// <summary>Created on first use and shared by every test of the collection.</summary>
    public Task<Scenario> Scenario => _scenario.Value;
}

[CollectionDefinition(Name)]
public sealed class ShopAppCollection : ICollectionFixture<ShopAppFixture>
{
    public const string Name = "Shop app (local mode)";
}
