namespace Shop.AppHost.Services;

/// <summary>
/// When one resource reached each step of its start, in seconds since the AppHost process started: null for a step it
/// has not reached or does not have (the servers neither migrate nor warm up; a resource with nothing to wait for never
/// waits).
/// </summary>
internal sealed record ResourceStartup(
    string Resource,
    double? Waiting,
    double? Started,
    double? Migrated,
    double? WarmedUp,
    double? Healthy);
