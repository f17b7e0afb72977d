using Mono.Cecil;
using NetArchTest.Rules;

namespace Shop.Tests.Architecture;

/// <summary>A service's data is its own: its DbContext lives in its Data namespace, which no other Shop assembly uses.</summary>
public sealed class DbContextOwnershipTests
{
    public static TheoryData<string> Services => [.. ShopProjects.Services];

    [Theory]
    [MemberData(nameof(Services))]
    public void A_services_data_is_used_only_inside_that_service(string service)
    {
        var data = $"{service}.Data";
        using (var module = ModuleDefinition.ReadModule(ShopProjects.AssemblyPath(service)))
        {
            var contexts = module.Types.Where(type => type.BaseType?.FullName == "Microsoft.EntityFrameworkCore.DbContext");
            Assert.Equal([data], contexts.Select(type => type.Namespace).Distinct());
        }

        var offenders = ShopProjects.Product
            .Where(project => project != service)
            .SelectMany(project => Types.FromFile(ShopProjects.AssemblyPath(project)).Should().NotHaveDependencyOn(data).GetResult().FailingTypeNames ?? []);

        Assert.Empty(offenders);
    }
}
