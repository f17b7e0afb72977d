using Shop.Bench.Harness;

namespace Shop.Bench.Soak;

/// <summary>
/// The resources the soak reports, in the order it lists them: Shop's own processes (every service instance and the
/// gateway), then PostgreSQL and RabbitMQ. The AppHost's other resources (parameters, databases, the migration
/// rebuilders) are not processes under load and are left out.
/// </summary>
public static class SoakResources
{
    /// <summary>Reported, not judged: their memory grows by design (PostgreSQL's buffer cache fills up) and their logs are not Shop's code.</summary>
    public static readonly IReadOnlyList<string> Infrastructure = [BenchedShop.Postgres, BenchedShop.Messaging];

    public static readonly IReadOnlyList<string> All = [.. BenchedShop.ServiceInstances, .. Infrastructure];

    public static bool IsShopProcess(string resource) => BenchedShop.ServiceInstances.Contains(resource);

    public static bool IsReported(string resource) => All.Contains(resource);

    /// <summary>The reported ones among <paramref name="resources"/>, in <see cref="All"/>'s order.</summary>
    public static IReadOnlyList<string> Ordered(IEnumerable<string> resources)
    {
        var present = resources.ToHashSet();
        return [.. All.Where(present.Contains)];
    }
}
