namespace Shop.Orders.Domain;

/// <summary>
/// A customer's order and its state machine: Pending → StockReserved → Confirmed, and Pending or StockReserved →
/// Cancelled. Confirmed and Cancelled are final. Every status change goes through this type.
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

    public string Currency { get; private set; } = string.Empty;

    /// <summary>The payment processor's token for the customer's payment method (not card data). Never log it.</summary>
    public string PaymentToken { get; private set; } = string.Empty;

    /// <summary>The client's <c>Idempotency-Key</c>, unique per user; null when the client sent none.</summary>
    public string? IdempotencyKey { get; private set; }

    /// <summary>The <see cref="OrderRequestFingerprint"/> of the request that placed this order.</summary>
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
        ArgumentOutOfRangeException.ThrowIfZero(lines.Count);
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
        MoveTo(OrderStatus.Cancelled, now);
        CancellationReason = reason;
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
        _ => false,
    };
}
