namespace Shop.AppHost.Infrastructure.Security;

/// <summary>A RabbitMQ user and its password's value, as the definitions file needs them.</summary>
public sealed record BrokerUser(string Name, string Password);
