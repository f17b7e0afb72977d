namespace Shop.AppHost.Infrastructure.Security;

/// <summary>A service's own PostgreSQL login: a role named after the service, which owns its database and nothing else.</summary>
public sealed record DatabaseLogin(string Role, ParameterResource Password);
