namespace Shop.Bench.Harness;

/// <summary>The event bus's tables in a service database (<see cref="ServiceDatabases.EventBusTablesAsync"/>).</summary>
public static class EventBusTable
{
    public const string Outbox = "OutboxMessages";

    public const string Inbox = "InboxMessages";
}

/// <summary>One event-bus table at one moment; <see cref="Pending"/> is the outbox's unsent rows (null for an inbox).</summary>
public sealed record TableSample(string Database, string Table, long Rows, long Bytes, long? Pending)
{
    public string Name => $"{Database}.{Table}";
}
