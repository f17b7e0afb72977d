namespace Shop.AppHost.Infrastructure;

/// <summary>The mode an AppHost run uses (Containers or Local, never Auto) and why, for the line logged at start.</summary>
/// <param name="ContainerRuntime">In containers run mode, the runtime whose engine answered (docker or podman).</param>
public sealed record InfrastructureDecision(InfrastructureMode Mode, string Reason, string? ContainerRuntime = null);
