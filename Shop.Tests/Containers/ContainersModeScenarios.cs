using Shop.Tests.Api;
using Shop.Tests.Integration;
using Shop.Tests.Saga;
using Shop.Tests.Security;

namespace Shop.Tests.Containers;

// The scenarios both infrastructure modes must pass, run against the containers-mode app.

[Collection(ContainersShopAppCollection.Name)]
public sealed class ContainersSagaOutcomeTests(ContainersShopAppFixture shop) : SagaOutcomeTests(shop);

[Collection(ContainersShopAppCollection.Name)]
public sealed class ContainersBrokerOutageTests(ContainersShopAppFixture shop) : BrokerOutageTests(shop);

[Collection(ContainersShopAppCollection.Name)]
public sealed class ContainersDatabaseOutageTests(ContainersShopAppFixture shop) : DatabaseOutageTests(shop);

[Collection(ContainersShopAppCollection.Name)]
public sealed class ContainersResourceHealthTests(ContainersShopAppFixture shop) : ResourceHealthTests(shop);

[Collection(ContainersShopAppCollection.Name)]
public sealed class ContainersDatabaseIsolationTests(ContainersShopAppFixture shop) : DatabaseIsolationTests(shop);

[Collection(ContainersShopAppCollection.Name)]
public sealed class ContainersBrokerIsolationTests(ContainersShopAppFixture shop) : BrokerIsolationTests(shop);
