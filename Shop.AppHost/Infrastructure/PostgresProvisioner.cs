using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Shop.AppHost.Infrastructure.Security;

namespace Shop.AppHost.Infrastructure;

/// <summary>
/// Each time the server becomes healthy, logs in as the superuser and makes every service's role and database
/// (<see cref="PostgresRoleSql"/>), then marks the databases Running; while the server is down they follow its state.
/// Run mode only, the container and the local server alike: a deployment runs deploy/provision/postgres-roles.sh.
/// </summary>
internal static partial class PostgresProvisioner
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    public static void Register(IDistributedApplicationBuilder builder, IResourceWithConnectionString server)
    {
        builder.Eventing.Subscribe<BeforeStartEvent>((@event, startCancellation) =>
        {
            var databases = @event.Model.Resources.OfType<ShopDatabaseResource>().Where(d => d.Server == server).ToArray();
            var notifications = @event.Services.GetRequiredService<ResourceNotificationService>();
            var logger = @event.Services.GetRequiredService<ResourceLoggerService>().GetLogger(server);
            var stopping = @event.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;

            _ = Task.Run(() => FollowServerAsync(server, databases, notifications, logger, stopping), stopping);
            return Task.CompletedTask;
        });
    }

    private static async Task FollowServerAsync(
        IResourceWithConnectionString server,
        ShopDatabaseResource[] databases,
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
                    await ProvisionAsync(server, databases, logger, cancellationToken);
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

    private static async Task ProvisionAsync(IResourceWithConnectionString server, ShopDatabaseResource[] databases, ILogger logger, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                // Unpooled: this runs once per server start and must not leave an idle session behind.
                var superuser = new NpgsqlConnectionStringBuilder(await server.ConnectionStringExpression.GetValueAsync(cancellationToken))
                {
                    Pooling = false,
                };
                await using (var connection = new NpgsqlConnection(superuser.ConnectionString))
                {
                    await connection.OpenAsync(cancellationToken);
                    foreach (var database in databases)
                    {
                        await ProvisionServerObjectsAsync(connection, database, logger, cancellationToken);
                    }
                }

                foreach (var database in databases)
                {
                    superuser.Database = database.DatabaseName;
                    await using var connection = new NpgsqlConnection(superuser.ConnectionString);
                    await connection.OpenAsync(cancellationToken);
                    await ExecuteAsync(connection, PostgresRoleSql.OwnSchemaObjects(database.Owner.Role), cancellationToken);
                }

                return;
            }
            catch (NpgsqlException exception)
            {
                LogProvisioningFailed(logger, exception, RetryDelay);
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    private static async Task ProvisionServerObjectsAsync(NpgsqlConnection connection, ShopDatabaseResource database, ILogger logger, CancellationToken cancellationToken)
    {
        var owner = database.Owner;
        var password = await owner.Password.GetValueAsync(cancellationToken)
            ?? throw new InvalidOperationException($"The parameter '{owner.Password.Name}' has no value.");
        await ExecuteAsync(connection, PostgresRoleSql.Role(owner.Role, password), cancellationToken);

        await using var exists = new NpgsqlCommand(PostgresRoleSql.DatabaseExists, connection);
        exists.Parameters.AddWithValue("name", database.DatabaseName);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await ExecuteAsync(connection, PostgresRoleSql.CreateDatabase(database.DatabaseName, owner.Role), cancellationToken);
            LogCreated(logger, database.DatabaseName, owner.Role);
        }

        await ExecuteAsync(connection, PostgresRoleSql.Restrict(database.DatabaseName, owner.Role), cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task PublishStateAsync(
        ResourceNotificationService notifications,
        ShopDatabaseResource[] databases,
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Created database {Database} owned by {Role}")]
    private static partial void LogCreated(ILogger logger, string database, string role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provisioning roles and databases failed; retrying in {Delay}")]
    private static partial void LogProvisioningFailed(ILogger logger, Exception exception, TimeSpan delay);
}
