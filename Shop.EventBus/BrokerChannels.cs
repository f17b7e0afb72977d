using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Shop.EventBus;

/// <summary>
/// The service's way onto the broker. The connection is resolved lazily (Aspire's auto-activation is off) so a
/// service starts, serves HTTP and fills its outbox while the broker is down; RabbitMQ.Client's automatic recovery
/// reconnects it afterwards. Publishing shares one channel with publisher confirms.
/// </summary>
public sealed class BrokerChannels(IServiceProvider services, IOptions<MessagingOptions> options) : IAsyncDisposable
{
    // A confirm lost with the connection must not hold the relay (and its transaction) forever.
    private static readonly TimeSpan ConfirmTimeout = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IChannel? _publisher;

    public IConnection Connection => services.GetRequiredService<IConnection>();

    /// <summary>
    /// Publishes and waits for the broker's confirm, at most <see cref="ConfirmTimeout"/>. On any failure the channel
    /// is dropped, so the next publish starts on a fresh one instead of one left in doubt by a broken connection.
    /// </summary>
    public async Task PublishAsync(
        string exchange, string routingKey, bool mandatory, BasicProperties properties, ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        var channel = await PublisherAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ConfirmTimeout);
        try
        {
            await channel.BasicPublishAsync(exchange, routingKey, mandatory, properties, body, timeout.Token);
        }
        catch
        {
            await DropAsync(channel);
            throw;
        }
    }

    private async Task DropAsync(IChannel channel)
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            if (ReferenceEquals(_publisher, channel))
            {
                _publisher = null;
                await channel.DisposeAsync();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A channel whose publishes complete only once the broker confirms them; the exchange must exist (the broker's definitions make it).</summary>
    private async Task<IChannel> PublisherAsync(CancellationToken ct)
    {
        if (_publisher is { IsOpen: true } open)
        {
            return open;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (_publisher is { IsOpen: true } opened)
            {
                return opened;
            }

            if (_publisher is not null)
            {
                await _publisher.DisposeAsync();
                _publisher = null;
            }

            var channel = await Connection.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
            await channel.ExchangeDeclarePassiveAsync(options.Value.Exchange, ct);
            _publisher = channel;
            return channel;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_publisher is not null)
        {
            await _publisher.DisposeAsync();
        }

        _gate.Dispose();
    }
}
