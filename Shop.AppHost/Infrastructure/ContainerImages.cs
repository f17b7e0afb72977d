namespace Shop.AppHost.Infrastructure;

/// <summary>
/// The images Aspire 13.6.5's <c>AddPostgres</c> and <c>AddRabbitMQ</c> run, as the engine names them. Containers mode
/// needs both on the machine; <c>scripts/lib/container-images.sh</c> provides them under these exact references, and
/// Shop.Tests checks both copies against the images Aspire itself declares.
/// </summary>
public static class ContainerImages
{
    public const string Postgres = "docker.io/library/postgres:18.3";

    public const string RabbitMQ = "docker.io/library/rabbitmq:4.3";

    public static IReadOnlyList<string> All { get; } = [Postgres, RabbitMQ];
}
