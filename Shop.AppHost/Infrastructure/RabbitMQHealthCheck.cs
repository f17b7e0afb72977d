using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Shop.AppHost.Infrastructure;

/// <summary>Opens an AMQP connection: behind DCP's proxy a TCP connect succeeds even when no broker is there.</summary>
internal sealed class RabbitMQHealthCheck(IResourceWithConnectionString resource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var factory = new ConnectionFactory
            {
                Uri = new Uri(await resource.GetConnectionStringAsync(cancellationToken) ?? string.Empty),
                RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
                AutomaticRecoveryEnabled = false,
            };

            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            return connection.IsOpen ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The AMQP connection closed at once.");
        }
        catch (Exception exception) when (exception is BrokerUnreachableException or OperationInterruptedException or IOException or UriFormatException)
        {
            return HealthCheckResult.Unhealthy(exception.Message, exception);
        }
    }
}
