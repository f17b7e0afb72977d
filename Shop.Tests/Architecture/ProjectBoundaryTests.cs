namespace Shop.Tests.Architecture;

/// <summary>
/// The boundaries the architecture depends on, read from the project files and the restored package closure: services
/// stand alone, the gateway carries neither a database nor a bus, the defaults and the event contracts depend on no
/// Shop project.
/// </summary>
public sealed class ProjectBoundaryTests
{
    // What a database or a broker brings in; the gateway has neither.
    private static readonly string[] DataAndMessagingPackages = ["Microsoft.EntityFrameworkCore", "Npgsql", "RabbitMQ.Client"];

    public static TheoryData<string> Services => [.. ShopProjects.Services];

    [Theory]
    [MemberData(nameof(Services))]
    public void A_service_references_no_other_service_and_not_the_gateway(string service)
    {
        var forbidden = ShopProjects.Services.Append(ShopProjects.Gateway).Where(project => project != service);

        Assert.Empty(ShopProjects.ProjectReferences(service).Intersect(forbidden));
    }

    [Fact]
    public void The_gateway_references_only_the_service_defaults() =>
        Assert.Equal([ShopProjects.ServiceDefaults], ShopProjects.ProjectReferences(ShopProjects.Gateway));

    [Fact]
    public void Neither_ef_core_nor_npgsql_nor_rabbitmq_reaches_the_gateway_even_transitively() =>
        Assert.DoesNotContain(ShopProjects.PackageClosure(ShopProjects.Gateway), IsDataOrMessaging);

    [Fact]
    public void The_service_defaults_reference_no_shop_project_and_no_database_or_broker_package()
    {
        Assert.Empty(ShopProjects.ProjectReferences(ShopProjects.ServiceDefaults));
        Assert.DoesNotContain(ShopProjects.PackageClosure(ShopProjects.ServiceDefaults), IsDataOrMessaging);
    }

    [Fact]
    public void The_event_contracts_depend_on_nothing()
    {
        Assert.Empty(ShopProjects.ProjectReferences(ShopProjects.IntegrationEvents));
        Assert.Empty(ShopProjects.PackageReferences(ShopProjects.IntegrationEvents));
    }

    [Fact]
    public void Only_services_use_the_event_bus_and_the_database_plumbing()
    {
        var users = ShopProjects.Product
            .Where(project => ShopProjects.ProjectReferences(project).Intersect([ShopProjects.EventBus, ShopProjects.Data]).Any())
            .Order(StringComparer.Ordinal);

        // The bus keeps its outbox and inbox in the service's database, so it builds on the database plumbing.
        Assert.Equal(ShopProjects.Services.Append(ShopProjects.EventBus).Order(StringComparer.Ordinal), users);
    }

    [Fact]
    public void The_library_peer_of_the_event_bus_stays_in_the_benchmark()
    {
        // bench/Shop.Bench.BusPeer compares Shop's bus with Wolverine (issue 18); nothing that ships may restore it.
        var restoringWolverine = ShopProjects.Product
            .Where(project => ShopProjects.PackageClosure(project).Any(package => package.StartsWith("WolverineFx", StringComparison.OrdinalIgnoreCase)));

        Assert.Empty(restoringWolverine);
    }

    private static bool IsDataOrMessaging(string package) =>
        DataAndMessagingPackages.Any(prefix => package.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}
