namespace Shop.IntegrationEvents;

/// <summary>Users: a customer account was created.</summary>
[IntegrationEvent("user-registered", 1)]
public sealed record UserRegistered(Guid UserId, string Email, string DisplayName);
