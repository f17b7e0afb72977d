using System.Globalization;

namespace Shop.Bench.BusPeer;

/// <summary>
/// <c>--bus shop|wolverine --postgres CONNECTION --messaging AMQP-URI --events N --warm-up N --producers N</c>: the
/// PostgreSQL connection string names the server only; the peer makes a database of its own on it.
/// </summary>
public sealed record PeerArguments(string Bus, string ServerConnectionString, string Messaging, int Events, int WarmUpEvents, int Producers)
{
    public const string ShopBus = "shop";

    public const string WolverineBus = "wolverine";

    public string DatabaseName => $"bench_peer_{Bus}";

    public string DatabaseConnectionString => PeerDatabase.ConnectionString(ServerConnectionString, DatabaseName);

    public static PeerArguments Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        string Required(string name) =>
            values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"{name} is required.", nameof(args));
        int Count(string name) =>
            int.TryParse(Required(name), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
                ? count
                : throw new ArgumentException($"{name} must be a positive whole number.", nameof(args));

        var bus = Required("--bus");
        if (bus is not (ShopBus or WolverineBus))
        {
            throw new ArgumentException($"--bus is {ShopBus} or {WolverineBus}, not {bus}.", nameof(args));
        }

        return new PeerArguments(bus, Required("--postgres"), Required("--messaging"), Count("--events"), Count("--warm-up"), Count("--producers"));
    }
}
