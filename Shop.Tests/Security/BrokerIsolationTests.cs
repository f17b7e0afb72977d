using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Shop.Tests.Integration;

namespace Shop.Tests.Security;

/// <summary>
/// A service's broker user reaches its own queues and <c>shop.events</c>, and nothing else: each refusal is RabbitMQ's
/// ACCESS_REFUSED (403), which closes the channel (docs/security.md). One subclass per infrastructure mode.
/// </summary>
public abstract class BrokerIsolationTests(ShopAppFixture shop)
{
    private const ushort AccessRefused = 403;

    [Fact]
    public async Task Orders_can_publish_events_and_read_its_own_queue()
    {
        await using var connection = await ConnectAsync("orders");
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), TestContext.Timeout);

        // A routing key no queue binds: the control proves the permission, without a stray event for the services.
        await channel.BasicPublishAsync("shop.events", "security-test.unrouted", Encoding.UTF8.GetBytes("{}"), TestContext.Timeout);
        var queue = await channel.QueueDeclarePassiveAsync("shop.orders", TestContext.Timeout);

        Assert.Equal("shop.orders", queue.QueueName);
        Assert.True(channel.IsOpen);
    }

    [Fact]
    public async Task Orders_cannot_consume_from_the_payments_queue()
    {
        await using var connection = await ConnectAsync("orders");
        await using var channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Timeout);

        var refused = await Assert.ThrowsAsync<OperationInterruptedException>(
            () => channel.BasicGetAsync("shop.payments", autoAck: false, TestContext.Timeout));

        Assert.Equal(AccessRefused, refused.ShutdownReason?.ReplyCode);
    }

    [Theory]
    [InlineData("shop.payments", "")]
    [InlineData("", "shop.payments")]
    [InlineData("amq.topic", "order-placed")]
    public async Task Orders_cannot_publish_to_an_exchange_other_than_shop_events(string exchange, string routingKey)
    {
        await using var connection = await ConnectAsync("orders");
        await using var channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Timeout);

        // An unconfirmed publish is refused asynchronously: the broker closes the channel, and the next call sees why.
        await channel.BasicPublishAsync(exchange, routingKey, Encoding.UTF8.GetBytes("{}"), TestContext.Timeout);
        var closed = await Record.ExceptionAsync(() => channel.QueueDeclarePassiveAsync("shop.orders", TestContext.Timeout));

        Assert.NotNull(closed);
        Assert.Equal(AccessRefused, channel.CloseReason?.ReplyCode);
    }

    [Fact]
    public async Task Orders_cannot_delete_another_services_queue()
    {
        await using var connection = await ConnectAsync("orders");
        await using var channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Timeout);

        var refused = await Assert.ThrowsAsync<OperationInterruptedException>(
            () => channel.QueueDeleteAsync("shop.payments", cancellationToken: TestContext.Timeout));

        Assert.Equal(AccessRefused, refused.ShutdownReason?.ReplyCode);
        await using var administrator = await ConnectAsAdministratorAsync();
        await using var check = await administrator.CreateChannelAsync(cancellationToken: TestContext.Timeout);
        Assert.Equal("shop.payments", (await check.QueueDeclarePassiveAsync("shop.payments", TestContext.Timeout)).QueueName);
    }

    [Fact]
    public async Task Orders_cannot_delete_the_events_exchange()
    {
        await using var connection = await ConnectAsync("orders");
        await using var channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Timeout);

        var refused = await Assert.ThrowsAsync<OperationInterruptedException>(
            () => channel.ExchangeDeleteAsync("shop.events", cancellationToken: TestContext.Timeout));

        Assert.Equal(AccessRefused, refused.ShutdownReason?.ReplyCode);
    }

    [Fact]
    public async Task No_service_uses_guest_or_the_administrator()
    {
        var administrator = new Uri(await shop.App.GetConnectionStringAsync(ShopResources.Messaging, TestContext.Timeout)
            ?? throw new InvalidOperationException("The broker has no connection string."));
        var administratorPassword = administrator.UserInfo.Split(':')[1];

        foreach (var service in ShopResources.ServiceDatabases.Keys)
        {
            var user = new Uri(ServiceCredentials.Of(shop, service).Messaging).UserInfo.Split(':');
            Assert.Equal(service, user[0]);
            Assert.NotEqual(administratorPassword, user[1]);
        }

        var guest = new ConnectionFactory { Uri = new Uri($"amqp://guest:guest@{administrator.Authority}") };
        await Assert.ThrowsAsync<BrokerUnreachableException>(() => guest.CreateConnectionAsync(TestContext.Timeout));
    }

    private Task<IConnection> ConnectAsync(string service) =>
        new ConnectionFactory { Uri = new Uri(ServiceCredentials.Of(shop, service).Messaging), AutomaticRecoveryEnabled = false }
            .CreateConnectionAsync(TestContext.Timeout);

    private async Task<IConnection> ConnectAsAdministratorAsync() =>
        await new ConnectionFactory { Uri = new Uri(await shop.App.GetConnectionStringAsync(ShopResources.Messaging, TestContext.Timeout) ?? string.Empty) }
            .CreateConnectionAsync(TestContext.Timeout);
}

[Collection(ShopAppCollection.Name)]
public sealed class LocalBrokerIsolationTests(ShopAppFixture shop) : BrokerIsolationTests(shop);
