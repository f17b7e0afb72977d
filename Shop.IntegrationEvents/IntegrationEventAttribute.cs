namespace Shop.IntegrationEvents;

/// <summary>
/// Names an integration event on the wire: <c>{name}.v{version}</c> is the envelope's <c>type</c> and the routing
/// key. A breaking change to a payload is a new version (a new record), published alongside the old one until every
/// consumer has moved.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class IntegrationEventAttribute(string name, int version) : Attribute
{
    public string Name { get; } = name;

    public int Version { get; } = version;

    public string Type => $"{Name}.v{Version}";
}
