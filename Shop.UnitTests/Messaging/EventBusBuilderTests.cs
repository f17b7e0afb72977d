using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shop.EventBus;
using Shop.EventBus.Consuming;
using Shop.IntegrationEvents;

namespace Shop.UnitTests.Messaging;

/// <summary>A handler is registered once; its subscriptions come from the event types it implements a handler for.</summary>
public sealed class EventBusBuilderTests
{
    [Fact]
    public void A_handler_subscribes_to_every_event_type_it_handles()
    {
        var host = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var services = host.Services;

        new EventBusBuilder<NoDatabase>(host).Subscribe<TwoEventHandler>();

        Assert.Equal(
            ["order-placed.v1", "stock-reserved.v1"],
            services.Select(descriptor => descriptor.ImplementationInstance).OfType<EventSubscription>().Select(subscription => subscription.Type).Order(StringComparer.Ordinal));
        Assert.Single(services, descriptor => descriptor.ServiceType == typeof(TwoEventHandler));
    }

    [Fact]
    public void A_second_handler_for_an_event_type_the_service_already_handles_is_refused()
    {
        var builder = new EventBusBuilder<NoDatabase>(Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings())).Subscribe<TwoEventHandler>();

        var exception = Assert.Throws<InvalidOperationException>(() => builder.Subscribe<StockReservedHandler>());

        Assert.Equal("stock-reserved.v1 already has a handler; a service handles each event type once.", exception.Message);
    }

    [Fact]
    public void A_class_that_handles_no_event_is_refused()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => new EventBusBuilder<NoDatabase>(Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings())).Subscribe<NoDatabase>());

        Assert.Equal("NoDatabase implements no IIntegrationEventHandler<TEvent>.", exception.Message);
    }

    private sealed class NoDatabase : DbContext;

    private sealed class TwoEventHandler : IIntegrationEventHandler<OrderPlaced>, IIntegrationEventHandler<StockReserved>
    {
        public Task HandleAsync(OrderPlaced integrationEvent, CancellationToken ct) => Task.CompletedTask;

        public Task HandleAsync(StockReserved integrationEvent, CancellationToken ct) => Task.CompletedTask;
    }

    private sealed class StockReservedHandler : IIntegrationEventHandler<StockReserved>
    {
        public Task HandleAsync(StockReserved integrationEvent, CancellationToken ct) => Task.CompletedTask;
    }
}
