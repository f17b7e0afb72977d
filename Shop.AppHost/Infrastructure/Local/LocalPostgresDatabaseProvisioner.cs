using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Shop.AppHost.Infrastructure.Local;

/// <summary>
/// Creates the server's missing databases each time the server becomes healthy, and mirrors the server's state onto
/// its databases. Aspire does both for container parents only; an executable parent needs it done here.
/// </summary>
internal static partial class LocalPostgresDatabaseProvisioner
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    public static void Register(IDistributedApplicationBuilder builder, LocalPostgresServerResource server)
    {
        builder.Eventing.Subscribe<BeforeStartEvent>((@event, startCancellation) =>
        {
            var databases = @event.Model.Resources.OfType<LocalPostgresDatabaseResource>().Where(d => d.Parent == server).ToArray();
            var notifications = @event.Services.GetRequiredService<ResourceNotificationService>();
            var logger = @event.Services.GetRequiredService<ResourceLoggerService>().GetLogger(server);
            var stopping = @event.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;

            _ = Task.Run(() => FollowServerAsync(server, databases, notifications, logger, stopping), stopping);
            return Task.CompletedTask;
        });
    }

    private static async Task FollowServerAsync(
        LocalPostgresServerResource server,
        LocalPostgresDatabaseResource[] databases,
        ResourceNotificationService notifications,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var databasesReady = false;
        try
        {
            await foreach (var resourceEvent in notifications.WatchAsync(cancellationToken))
            {
                if (resourceEvent.Resource != server)
                {
                    continue;
                }

                var snapshot = resourceEvent.Snapshot;
                var state = snapshot.State?.Text;
                if (state == KnownResourceStates.Running && snapshot.HealthStatus == HealthStatus.Healthy && !databasesReady)
                {
                    await CreateMissingDatabasesAsync(server, databases, logger, cancellationToken);
                    await PublishStateAsync(notifications, databases, KnownResourceStates.Running, snapshot);
                    databasesReady = true;
                }
                else if (state != KnownResourceStates.Running && state is not null)
                {
                    await PublishStateAsync(notifications, databases, state, snapshot);
                    databasesReady = false;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The AppHost is stopping.
        }
    }

    private static async Task CreateMissingDatabasesAsync(
        LocalPostgresServerResource server,
        LocalPostgresDatabaseResource[] databases,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                // Unpooled: this runs once per server start and must not leave an idle session behind.
                var connectionString = new NpgsqlConnectionStringBuilder(await server.ConnectionStringExpression.GetValueAsync(cancellationToken))
                {
                    Pooling = false,
                };
                await using var connection = new NpgsqlConnection(connectionString.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                foreach (var database in databases)
                {
                    await CreateIfMissingAsync(connection, database.DatabaseName, logger, cancellationToken);
                }

                return;
            }
            catch (NpgsqlException exception)
            {
                LogCreateFailed(logger, exception, RetryDelay);
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    private static async Task CreateIfMissingAsync(NpgsqlConnection connection, string databaseName, ILogger logger, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", databaseName);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        // CREATE DATABASE takes no parameters; the name is quoted as an identifier.
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{databaseName.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        LogCreated(logger, databaseName);
    }

    private static async Task PublishStateAsync(
        ResourceNotificationService notifications,
        LocalPostgresDatabaseResource[] databases,
        string state,
        CustomResourceSnapshot server)
    {
        foreach (var database in databases)
        {
            await notifications.PublishUpdateAsync(database, snapshot => snapshot with
            {
                State = state,
                StartTimeStamp = server.StartTimeStamp,
                StopTimeStamp = server.StopTimeStamp,
            });
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created database {Database}")]
    private static partial void LogCreated(ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Creating databases failed; retrying in {Delay}")]
    private static partial void LogCreateFailed(ILogger logger, Exception exception, TimeSpan delay);
}
