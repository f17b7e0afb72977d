using Microsoft.EntityFrameworkCore;
using Shop.EventBus.Consuming;
using Shop.EventBus.Outbox;
using Shop.IntegrationEvents;
using Shop.Inventory.Data;
using Shop.Inventory.Domain;

namespace Shop.Inventory.Application;

/// <summary>
/// Inventory's part of the saga: reserves all of an order's lines or none, sells what was reserved when the order is
/// confirmed, and gives stock back when it is cancelled. Product rows are locked in id order for the transaction, so
/// concurrent orders for the last units queue up instead of overselling or deadlocking.
/// </summary>
internal sealed partial class StockReservationHandler(
    InventoryDbContext db, IOutbox outbox, TimeProvider time, ILogger<StockReservationHandler> logger) :
    IIntegrationEventHandler<OrderPlaced>,
    IIntegrationEventHandler<OrderConfirmed>,
    IIntegrationEventHandler<OrderCancelled>
{
    public async Task HandleAsync(OrderPlaced integrationEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);

        if (await LockReservationAsync(integrationEvent.OrderId, ct) is { } decided)
        {
            LogAlreadyDecided(integrationEvent.OrderId, decided.Status);
            return;
        }

        var wanted = integrationEvent.Lines
            .GroupBy(line => line.ProductId)
            .Select(group => new ReservedLine(group.Key, group.Sum(line => line.Quantity)))
            .ToList();
        var products = await LockProductsAsync(wanted.Select(line => line.ProductId), ct);
        var now = time.GetUtcNow();

        var unavailable = wanted
            .Where(line => !products.TryGetValue(line.ProductId, out var product) || product.Available < line.Quantity)
            .Select(line => line.ProductId)
            .ToList();
        if (unavailable.Count > 0)
        {
            db.Reservations.Add(Reservation.Rejected(integrationEvent.OrderId, integrationEvent.UserId, now));
            outbox.Add(new StockReservationFailed(integrationEvent.OrderId, integrationEvent.UserId, unavailable));
            LogRejected(integrationEvent.OrderId, unavailable.Count);
            return;
        }

        foreach (var line in wanted)
        {
            if (!products[line.ProductId].Reserve(line.Quantity))
            {
                throw new InvalidOperationException($"Product {line.ProductId} changed while locked.");
            }
        }

        db.Reservations.Add(Reservation.Reserved(integrationEvent.OrderId, integrationEvent.UserId, wanted, now));
        outbox.Add(new StockReserved(integrationEvent.OrderId, integrationEvent.UserId));
        LogReserved(integrationEvent.OrderId, wanted.Count);
    }

    public async Task HandleAsync(OrderConfirmed integrationEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);

        // Orders confirms only after this service reserved the stock, so the reservation is there (or the event is bogus).
        var reservation = await LockReservationAsync(integrationEvent.OrderId, ct)
            ?? throw new InvalidOperationException($"Order {integrationEvent.OrderId} was confirmed but has no reservation.");
        if (reservation.Status != ReservationStatus.Reserved)
        {
            LogAlreadyDecided(integrationEvent.OrderId, reservation.Status);
            return;
        }

        var products = await LockProductsAsync(reservation.Lines.Select(line => line.ProductId), ct);
        foreach (var line in reservation.Lines)
        {
            products[line.ProductId].Sell(line.Quantity);
        }

        reservation.MarkSold(time.GetUtcNow());
    }

    public async Task HandleAsync(OrderCancelled integrationEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);

        var now = time.GetUtcNow();
        var reservation = await LockReservationAsync(integrationEvent.OrderId, ct);
        if (reservation is null)
        {
            db.Reservations.Add(Reservation.ReleasedBeforeReserving(integrationEvent.OrderId, integrationEvent.UserId, now));
            return;
        }

        if (reservation.Status is not (ReservationStatus.Reserved or ReservationStatus.Sold))
        {
            LogAlreadyDecided(integrationEvent.OrderId, reservation.Status);
            return;
        }

        // Held stock is released; stock already sold to the (confirmed) order comes back.
        var sold = reservation.Status == ReservationStatus.Sold;
        var products = await LockProductsAsync(reservation.Lines.Select(line => line.ProductId), ct);
        foreach (var line in reservation.Lines)
        {
            var product = products[line.ProductId];
            if (sold)
            {
                product.Restock(line.Quantity);
            }
            else
            {
                product.Release(line.Quantity);
            }
        }

        if (sold)
        {
            reservation.MarkReturned(now);
        }
        else
        {
            reservation.MarkReleased(now);
        }
    }

    private Task<Reservation?> LockReservationAsync(Guid orderId, CancellationToken ct) =>
        db.Reservations
            .FromSql($"""SELECT * FROM "Reservations" WHERE "OrderId" = {orderId} FOR UPDATE""")
            .SingleOrDefaultAsync(ct);

    private async Task<Dictionary<Guid, Product>> LockProductsAsync(IEnumerable<Guid> productIds, CancellationToken ct)
    {
        var ids = productIds.Distinct().ToArray();
        var products = await db.Products
            .FromSql($"""SELECT *, xmin FROM "Products" WHERE "Id" = ANY({ids}) ORDER BY "Id" FOR UPDATE""")
            .ToListAsync(ct);
        return products.ToDictionary(product => product.Id);
    }

    // Normal-path steps are Debug: a line per order would be the service's whole log volume (docs/architecture.md, "Quiet logging").
    [LoggerMessage(Level = LogLevel.Debug, Message = "Reserved {Lines} products for order {OrderId}")]
    private partial void LogReserved(Guid orderId, int lines);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} rejected: {Unavailable} products short of stock")]
    private partial void LogRejected(Guid orderId, int unavailable);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Order {OrderId} skipped: its reservation is already {Status}")]
    private partial void LogAlreadyDecided(Guid orderId, ReservationStatus status);
}
