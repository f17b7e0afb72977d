using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using Shop.EventBus.DeadLetters;

namespace Shop.EventBus.Consuming;

/// <summary>
/// Consumes the service's queue: each delivery is handled through the inbox, retried with backoff when the handler
/// throws, and moved to the dead-letter queue with its error after the last attempt. A message is acknowledged only
/// once its outcome is committed (handled, duplicate, or dead-lettered). Shutdown stops consuming, lets in-flight
/// handlers finish within the host's shutdown timeout, and hands unfinished messages back to the broker.
/// </summary>
internal sealed partial class EventConsumer(
    BrokerChannels broker,
    IEnumerable<EventSubscription> subscriptions,
    IEventProcessor processor,
    DeadLetterQueue deadLetters,
    MessagingTelemetry telemetry,
    TimeProvider time,
    IOptions<MessagingOptions> options,
    ILogger<EventConsumer> logger) : BackgroundService
{
    private readonly MessagingOptions _options = options.Value;
    private readonly Dictionary<string, EventSubscription> _subscriptions =
        subscriptions.ToDictionary(subscription => subscription.Type, StringComparer.Ordinal);

    private readonly InFlightHandlers _inFlight = new();
    private readonly CancellationTokenSource _abortHandlers = new();
    private CancellationToken _stopping;
    private IChannel? _channel;
    private string? _consumerTag;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        // Deliveries before the schema exists would only fail and burn their attempts.
        await processor.WhenReadyAsync(stoppingToken);
        var backoff = new RetrySchedule(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10));
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await StartConsumingAsync(stoppingToken);
                LogConsuming(_options.QueueName, _subscriptions.Count, _options.ConsumerConcurrency, _options.PrefetchCount);
                return; // From here on RabbitMQ.Client's automatic recovery keeps the consumer alive across broker restarts.
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                var delay = backoff.DelayAfter(attempt);
                LogStartFailed(exception, _options.QueueName, attempt, delay);
                await Task.Delay(delay, time, stoppingToken);
            }
        }
    }

    private async Task StartConsumingAsync(CancellationToken ct)
    {
        var channel = await broker.Connection.CreateChannelAsync(
            new CreateChannelOptions(false, false, consumerDispatchConcurrency: (ushort)_options.ConsumerConcurrency), ct);
        try
        {
            await channel.BasicQosAsync(0, (ushort)_options.PrefetchCount, global: false, ct);
            await MessagingTopology.DeclareAsync(channel, _options, _subscriptions.Keys, ct);

            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += (_, delivery) => OnReceivedAsync(channel, delivery);
            _consumerTag = await channel.BasicConsumeAsync(_options.QueueName, autoAck: false, consumer, ct);
            _channel = channel;
        }
        catch
        {
            await channel.DisposeAsync();
            throw;
        }
    }

    private async Task OnReceivedAsync(IChannel channel, BasicDeliverEventArgs delivery)
    {
        _inFlight.Enter();
        try
        {
            var envelope = EventEnvelope.TryParse(delivery.Body);
            if (envelope is null)
            {
                await DeadLetterAsync(channel, delivery, delivery.RoutingKey, "The message is not a Shop event envelope.", attempts: 0);
                return;
            }

            if (!_subscriptions.TryGetValue(envelope.Type, out var subscription))
            {
                await DeadLetterAsync(channel, delivery, envelope.Type, $"The service has no handler for {envelope.Type}.", attempts: 0);
                return;
            }

            using var activity = telemetry.StartProcess(_options.QueueName, envelope, delivery.Body.Length, delivery.Redelivered);
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["EventId"] = envelope.Id, ["EventType"] = envelope.Type });
            await HandleWithRetriesAsync(channel, delivery, envelope, subscription, activity);
        }
        catch (Exception exception)
        {
            // The ack or the dead-letter publish failed, typically because the broker went away: the message stays
            // unacknowledged, so the broker delivers it again and the inbox absorbs whatever was already committed.
            LogDeliveryAbandoned(exception, delivery.RoutingKey);
        }
        finally
        {
            _inFlight.Exit();
        }
    }

    private async Task HandleWithRetriesAsync(
        IChannel channel, BasicDeliverEventArgs delivery, EventEnvelope envelope, EventSubscription subscription, System.Diagnostics.Activity? activity)
    {
        var schedule = new RetrySchedule(_options.RetryBaseDelay, _options.RetryMaxDelay);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var handled = await processor.ProcessAsync(envelope, subscription, _abortHandlers.Token);
                telemetry.Consumed(envelope.Type, duplicate: !handled);
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None);
                return;
            }
            catch (OperationCanceledException) when (_abortHandlers.IsCancellationRequested)
            {
                await RequeueAsync(channel, delivery);
                return;
            }
            catch (Exception exception) when (attempt < _options.MaxDeliveryAttempts)
            {
                var delay = schedule.DelayAfter(attempt);
                telemetry.Retried(envelope.Type);
                LogRetrying(exception, envelope.Type, envelope.Id, attempt, _options.MaxDeliveryAttempts, delay);
                try
                {
                    await Task.Delay(delay, time, _stopping);
                }
                catch (OperationCanceledException)
                {
                    await RequeueAsync(channel, delivery);
                    return;
                }
            }
            catch (Exception exception)
            {
                activity?.AddException(exception);
                activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, exception.Message);
                LogDeadLettered(exception, envelope.Type, envelope.Id, attempt);
                await DeadLetterAsync(channel, delivery, envelope.Type, $"{exception.GetType().FullName}: {exception.Message}", attempt);
                return;
            }
        }
    }

    private async Task DeadLetterAsync(IChannel channel, BasicDeliverEventArgs delivery, string eventType, string error, int attempts)
    {
        await deadLetters.AddAsync(delivery, error, attempts, CancellationToken.None);
        telemetry.DeadLettered(eventType);
        await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None);
    }

    /// <summary>Shutting down mid-retry: the broker gets the message back for this or another replica.</summary>
    private static async Task RequeueAsync(IChannel channel, BasicDeliverEventArgs delivery) =>
        await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, CancellationToken.None);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true } channel && _consumerTag is not null)
        {
            try
            {
                await channel.BasicCancelAsync(_consumerTag, noWait: false, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogCancelFailed(exception, _options.QueueName);
            }
        }

        await base.StopAsync(cancellationToken);
        try
        {
            await _inFlight.WaitIdleAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await _abortHandlers.CancelAsync();
        }

        if (_channel is not null)
        {
            await _channel.DisposeAsync();
        }
    }

    public override void Dispose()
    {
        _abortHandlers.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Consuming {Queue}: {Subscriptions} event types, concurrency {Concurrency}, prefetch {Prefetch}")]
    private partial void LogConsuming(string queue, int subscriptions, int concurrency, int prefetch);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Starting to consume {Queue} failed (attempt {Attempt}); retrying in {Delay}")]
    private partial void LogStartFailed(Exception exception, string queue, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Handling {EventType} {EventId} failed (attempt {Attempt} of {MaxAttempts}); retrying in {Delay}")]
    private partial void LogRetrying(Exception exception, string eventType, Guid eventId, int attempt, int maxAttempts, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling {EventType} {EventId} failed {Attempts} times; moved to the dead-letter queue")]
    private partial void LogDeadLettered(Exception exception, string eventType, Guid eventId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A delivery of {RoutingKey} was abandoned; the broker will deliver it again")]
    private partial void LogDeliveryAbandoned(Exception exception, string routingKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cancelling the consumer of {Queue} failed")]
    private partial void LogCancelFailed(Exception exception, string queue);
}
