using Shop.IntegrationEvents;

namespace Shop.Bench.BusPeer;

/// <summary>The one event both buses move: about the size of an order's event, with an id the receipt keeps.</summary>
[IntegrationEvent("bench.peer-event", 1)]
public sealed record PeerEvent(Guid Id, int Sequence, string Payload)
{
    /// <summary>About 200 bytes of JSON, as <c>OrderPlaced</c> with one line.</summary>
    public static PeerEvent Next(int sequence) =>
        new(Guid.CreateVersion7(), sequence, "customer 3f2c9e1a-6b7d-4c8e-9f10-2a3b4c5d6e7f, one line, product 7, quantity 1, 19.99 EUR");
}
