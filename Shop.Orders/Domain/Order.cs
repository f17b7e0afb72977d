namespace Shop.Orders.Domain;

/// <summary>
/// A customer's order and its state machine: Pending → StockReserved → Confirmed, and Pending or StockReserved →
/// Cancelled. Cancelled is final; a Confirmed order can still be cancelled by its customer (stock goes back, the
/// payment is refunded). Every status change goes through this type.
/// </summary>
public sealed class Order
{
    public const int MaxLines = 50;
    public const int MaxQuantity = 100;
    public const int MaxIdempotencyKeyLength = 100;
    public const int MaxPaymentTokenLength = 68;
    public const int CurrencyLength = 3;

    /// <summary>The largest amount a <c>numeric(12,2)</c> column holds.</summary>
    public const decimal MaxTotal = 9_999_999_999.99m;

    private readonly List<OrderLine> _lines = [];

    private Order()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public OrderStatus Status { get; private set; }

    public CancellationReason? CancellationReason { get; private set; }

    public IReadOnlyList<OrderLine> Lines => _lines;

    public decimal Total { get; private set; }

    // Stryker disable once String : EF Core or the factory always sets it; the initializer only satisfies nullable analysis
    public string Currency { get; private set; } = string.Empty;

    /// <summary>The payment processor's token for the customer's payment method (not card data). Never log it.</summary>
    // Stryker disable once String : EF Core or the factory always sets it; the initializer only satisfies nullable analysis
    public string PaymentToken { get; private set; } = string.Empty;

    /// <summary>The client's <c>Idempotency-Key</c>, unique per user; null when the client sent none.</summary>
    public string? IdempotencyKey { get; private set; }

    /// <summary>The <see cref="OrderRequestFingerprint"/> of the request that placed this order.</summary>
    // Stryker disable once String : EF Core or the factory always sets it; the initializer only satisfies nullable analysis
    public string RequestHash { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Concurrency token (PostgreSQL's <c>xmin</c>), so the saga and a customer's cancel cannot both win.</summary>
    public uint Version { get; private set; }

    public static Order Place(
        Guid userId,
        IReadOnlyList<OrderLine> lines,
        string currency,
        string paymentToken,
        string? idempotencyKey,
        string requestHash,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentOutOfRangeException.ThrowIfLessThan(lines.Count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lines.Count, MaxLines);
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        ArgumentOutOfRangeException.ThrowIfNotEqual(currency.Length, CurrencyLength);
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentToken);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(paymentToken.Length, MaxPaymentTokenLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(idempotencyKey?.Length ?? 0, MaxIdempotencyKeyLength);
        ArgumentException.ThrowIfNullOrWhiteSpace(requestHash);

        var order = new Order
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Status = OrderStatus.Pending,
            Total = lines.Sum(line => line.LineTotal),
            Currency = currency,
            PaymentToken = paymentToken,
            IdempotencyKey = idempotencyKey,
            RequestHash = requestHash,
            CreatedAt = now,
            UpdatedAt = now,
        };
        order._lines.AddRange(lines);
        return order;
    }

    /// <summary>Inventory has set the order's stock aside.</summary>
    public void MarkStockReserved(DateTimeOffset now) => MoveTo(OrderStatus.StockReserved, now);

    /// <summary>Payment went through; the order is final.</summary>
    public void Confirm(DateTimeOffset now) => MoveTo(OrderStatus.Confirmed, now);

    public void Cancel(CancellationReason reason, DateTimeOffset now)
    {
        // Only the customer may undo a confirmed order; the saga's failures can no longer apply to one.
        if (Status == OrderStatus.Confirmed && reason != Domain.CancellationReason.CancelledByCustomer)
        {
            throw new InvalidOrderTransitionException(Status, OrderStatus.Cancelled);
        }

        MoveTo(OrderStatus.Cancelled, now);
        CancellationReason = reason;
    }

    // The saga's steps. Events can arrive late (after the customer cancelled) or twice, so each step applies only
    // while it still makes sense, and says whether it changed the order; a step that no longer applies is a no-op.

    /// <summary>Inventory reserved the stock: Pending → StockReserved.</summary>
    public bool ApplyStockReserved(DateTimeOffset now)
    {
        if (Status != OrderStatus.Pending)
        {
            return false;
        }

        MarkStockReserved(now);
        return true;
    }

    /// <summary>
    /// Payments captured the money: → Confirmed. A capture proves the stock was reserved, so a Pending order whose
    /// StockReserved event has not been handled yet moves through StockReserved to Confirmed.
    /// </summary>
    public bool ApplyPaymentCaptured(DateTimeOffset now)
    {
        if (Status == OrderStatus.Pending)
        {
            MarkStockReserved(now);
        }

        if (Status != OrderStatus.StockReserved)
        {
            return false;
        }

        Confirm(now);
        return true;
    }

    /// <summary>A step of the saga failed (out of stock, payment declined): an order still in progress is cancelled.</summary>
    public bool ApplyFailure(CancellationReason reason, DateTimeOffset now)
    {
        if (Status is not (OrderStatus.Pending or OrderStatus.StockReserved))
        {
            return false;
        }

        Cancel(reason, now);
        return true;
    }

    private void MoveTo(OrderStatus next, DateTimeOffset now)
    {
        if (!CanMove(Status, next))
        {
            throw new InvalidOrderTransitionException(Status, next);
        }

        Status = next;
        UpdatedAt = now;
    }

    private static bool CanMove(OrderStatus from, OrderStatus to) => (from, to) switch
    {
        (OrderStatus.Pending, OrderStatus.StockReserved) => true,
        (OrderStatus.Pending, OrderStatus.Cancelled) => true,
        (OrderStatus.StockReserved, OrderStatus.Confirmed) => true,
        (OrderStatus.StockReserved, OrderStatus.Cancelled) => true,
        (OrderStatus.Confirmed, OrderStatus.Cancelled) => true,
        _ => false,
    };
}
