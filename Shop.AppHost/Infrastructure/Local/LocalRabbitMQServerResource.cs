namespace Shop.AppHost.Infrastructure.Local;

/// <summary>The machine's RabbitMQ, run by <c>rabbitmq.sh</c> as an executable resource with a private node.</summary>
public sealed class LocalRabbitMQServerResource(string name, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, "bash", workingDirectory), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";
    internal const string DistributionEndpointName = "distribution";
    internal const string EpmdEndpointName = "epmd";
    internal const string UserName = ShopMessaging.Administrator;

    public EndpointReference PrimaryEndpoint => field ??= new(this, PrimaryEndpointName);

    public ParameterResource PasswordParameter { get; } = password;

    // The same shape as Aspire's RabbitMQServerResource; the generated password has no characters that need escaping.
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{UserName}:{PasswordParameter}@{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}");
}
