using System.Text;
using System.Text.Json;
using Shop.EventBus;
using Shop.IntegrationEvents;

namespace Shop.UnitTests.Messaging;

public sealed class EventEnvelopeTests
{
    private static readonly DateTimeOffset OccurredAt = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_envelope_round_trips_with_its_metadata_and_payload()
    {
        var placed = new OrderPlaced(
            Guid.NewGuid(), Guid.NewGuid(), [new OrderPlacedLine(Guid.NewGuid(), 2, 12.50m)], 25.00m, "EUR", "tok_visa");
        var envelope = new EventEnvelope(
            Guid.NewGuid(),
            IntegrationEventType.Of<OrderPlaced>(),
            OccurredAt,
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            "vendor=1",
            JsonSerializer.SerializeToElement(placed, EventJson.Options));

        var read = EventEnvelope.TryParse(envelope.ToUtf8Bytes());

        Assert.NotNull(read);
        Assert.Equal(envelope.Id, read.Id);
        Assert.Equal("order-placed.v1", read.Type);
        Assert.Equal(OccurredAt, read.OccurredAt);
        Assert.Equal(envelope.TraceParent, read.TraceParent);
        Assert.Equal("vendor=1", read.TraceState);

        var payload = read.Data.Deserialize<OrderPlaced>(EventJson.Options)!;
        Assert.Equal(placed.OrderId, payload.OrderId);
        Assert.Equal(placed.Lines.Single(), payload.Lines.Single());
        Assert.Equal(25.00m, payload.Total);
    }

    [Fact]
    public void The_wire_format_is_camel_case_json_with_the_documented_fields()
    {
        var envelope = new EventEnvelope(
            Guid.NewGuid(), "stock-reserved.v1", OccurredAt, null, null,
            JsonSerializer.SerializeToElement(new StockReserved(Guid.NewGuid(), Guid.NewGuid()), EventJson.Options));

        using var json = JsonDocument.Parse(envelope.ToUtf8Bytes());

        var names = json.RootElement.EnumerateObject().Select(property => property.Name).ToArray();
        Assert.Equal(["id", "type", "occurredAt", "traceParent", "traceState", "data"], names);
        Assert.True(json.RootElement.GetProperty("data").TryGetProperty("orderId", out _));
    }

    [Fact]
    public void Consumers_ignore_fields_they_do_not_know()
    {
        var orderId = Guid.NewGuid();
        var body = $$$"""
            {"id":"{{{Guid.NewGuid()}}}","type":"order-cancelled.v1","occurredAt":"2026-11-25T10:00:00+00:00",
             "addedLater":{"x":1},
             "data":{"orderId":"{{{orderId}}}","userId":"{{{Guid.NewGuid()}}}","reason":"OutOfStock","refundPolicy":"full"}}
            """;

        var envelope = EventEnvelope.TryParse(Encoding.UTF8.GetBytes(body));

        Assert.NotNull(envelope);
        var cancelled = envelope.Data.Deserialize<OrderCancelled>(EventJson.Options)!;
        Assert.Equal(orderId, cancelled.OrderId);
        Assert.Equal("OutOfStock", cancelled.Reason);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"type":"order-placed.v1","data":{}}""")]
    [InlineData("""{"id":"00000000-0000-0000-0000-000000000000","type":"order-placed.v1","data":{}}""")]
    [InlineData("""{"id":"0a4e3a2e-57a4-4a34-9a3c-4a4f9a0a1b2c","type":"","data":{}}""")]
    [InlineData("""{"id":"0a4e3a2e-57a4-4a34-9a3c-4a4f9a0a1b2c","type":"order-placed.v1","data":"text"}""")]
    public void Anything_that_is_not_an_envelope_is_refused_rather_than_thrown(string body)
    {
        Assert.Null(EventEnvelope.TryParse(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void Every_shop_event_has_a_versioned_wire_type()
    {
        string[] types =
        [
            IntegrationEventType.Of<UserRegistered>(), IntegrationEventType.Of<OrderPlaced>(),
            IntegrationEventType.Of<StockReserved>(), IntegrationEventType.Of<StockReservationFailed>(),
            IntegrationEventType.Of<PaymentCaptured>(), IntegrationEventType.Of<PaymentDeclined>(),
            IntegrationEventType.Of<OrderConfirmed>(), IntegrationEventType.Of<OrderCancelled>(),
        ];

        Assert.All(types, type => Assert.Matches("^[a-z]+(-[a-z]+)*\\.v[0-9]+$", type));
        Assert.Equal(types.Length, types.Distinct().Count());
    }

    [Fact]
    public void A_type_without_the_attribute_is_named_with_the_fix()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => IntegrationEventType.Of<string>());

        Assert.Equal("String is not an integration event: mark it with [IntegrationEvent(name, version)].", exception.Message);
    }
}
