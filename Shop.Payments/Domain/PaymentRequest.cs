namespace Shop.Payments.Domain;

/// <summary>
/// What payments knows about an order: who pays, and from OrderPlaced how much and with which card token. The card is
/// charged once both OrderPlaced and inventory's StockReserved have arrived, in whichever order, and never after the
/// order was cancelled. OrderPlaced and StockReserved travel on different paths (orders → payments, and orders →
/// inventory → payments), so StockReserved often wins: that is a normal case, not a failure.
/// </summary>
public sealed class PaymentRequest
{
    private PaymentRequest()
    {
    }

    public Guid OrderId { get; private set; }

    public Guid UserId { get; private set; }

    /// <summary>From OrderPlaced; null while it has not arrived.</summary>
    public decimal? Amount { get; private set; }

    /// <summary>From OrderPlaced; null while it has not arrived.</summary>
    public string? Currency { get; private set; }

    /// <summary>The processor's token for the customer's card (not card data), from OrderPlaced. Never log it.</summary>
    public string? PaymentToken { get; private set; }

    public PaymentRequestStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>OrderPlaced came first: the request waits for the stock.</summary>
    public static PaymentRequest Create(Guid orderId, Guid userId, decimal amount, string currency, string paymentToken, DateTimeOffset now)
    {
        var request = New(orderId, userId, PaymentRequestStatus.AwaitingStock, now);
        request.SetOrder(amount, currency, paymentToken);
        return request;
    }

    /// <summary>StockReserved came first: the request waits for OrderPlaced's amount and card, then charges at once.</summary>
    public static PaymentRequest StockReservedFirst(Guid orderId, Guid userId, DateTimeOffset now) =>
        New(orderId, userId, PaymentRequestStatus.AwaitingOrder, now);

    /// <summary>OrderCancelled came first: whatever arrives later for the order is never charged.</summary>
    public static PaymentRequest CancelledFirst(Guid orderId, Guid userId, DateTimeOffset now) =>
        New(orderId, userId, PaymentRequestStatus.Cancelled, now);

    /// <summary>OrderPlaced arrived after StockReserved: the request now has what the charge needs.</summary>
    public void OrderArrived(decimal amount, string currency, string paymentToken, DateTimeOffset now)
    {
        if (Status != PaymentRequestStatus.AwaitingOrder || Amount is not null)
        {
            throw new InvalidOperationException($"The payment of order {OrderId} is {Status} and already has its order.");
        }

        SetOrder(amount, currency, paymentToken);
        UpdatedAt = now;
    }

    /// <summary>Both OrderPlaced and StockReserved are in, and nothing was decided yet.</summary>
    public bool IsReadyToCharge => Status is (PaymentRequestStatus.AwaitingStock or PaymentRequestStatus.AwaitingOrder) && Amount is not null;

    /// <summary>Records the processor's answer to the charge.</summary>
    public void Charged(Payment payment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (!IsReadyToCharge)
        {
            throw new InvalidOperationException($"The payment of order {OrderId} is {Status}{(Amount is null ? " without its order" : string.Empty)}; it cannot be charged.");
        }

        MoveTo(payment.Status == PaymentStatus.Captured ? PaymentRequestStatus.Captured : PaymentRequestStatus.Declined, now);
    }

    /// <summary>The order was cancelled before any charge: the card will not be charged.</summary>
    public void Cancel(DateTimeOffset now)
    {
        if (Status is not (PaymentRequestStatus.AwaitingStock or PaymentRequestStatus.AwaitingOrder))
        {
            throw new InvalidOperationException($"The payment of order {OrderId} is {Status}; only one awaiting its stock or order can be cancelled.");
        }

        MoveTo(PaymentRequestStatus.Cancelled, now);
    }

    /// <summary>The order was cancelled after its capture: the money goes back.</summary>
    public void Refunded(DateTimeOffset now)
    {
        if (Status != PaymentRequestStatus.Captured)
        {
            throw new InvalidOperationException($"The payment of order {OrderId} is {Status}; only a Captured one can be refunded.");
        }

        MoveTo(PaymentRequestStatus.Refunded, now);
    }

    private static PaymentRequest New(Guid orderId, Guid userId, PaymentRequestStatus status, DateTimeOffset now) => new()
    {
        OrderId = orderId,
        UserId = userId,
        Status = status,
        CreatedAt = now,
        UpdatedAt = now,
    };

    private void SetOrder(decimal amount, string currency, string paymentToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        ArgumentNullException.ThrowIfNull(paymentToken);

        Amount = amount;
        Currency = currency.ToUpperInvariant();
        PaymentToken = paymentToken;
    }

    private void MoveTo(PaymentRequestStatus to, DateTimeOffset now)
    {
        Status = to;
        UpdatedAt = now;
    }
}
