namespace Shop.Payments.Domain;

/// <summary>
/// What payments knows about an order from OrderPlaced: who pays, how much, with which card token. The card is
/// charged only once inventory has reserved the stock, and never after the order was cancelled.
/// </summary>
public sealed class PaymentRequest
{
    private PaymentRequest()
    {
    }

    public Guid OrderId { get; private set; }

    public Guid UserId { get; private set; }

    public decimal Amount { get; private set; }

    // Stryker disable once String : EF Core or the factory always sets it; the initializer only satisfies nullable analysis
    public string Currency { get; private set; } = string.Empty;

    /// <summary>The processor's token for the customer's card (not card data). Never log it.</summary>
    // Stryker disable once String : EF Core or the factory always sets it; the initializer only satisfies nullable analysis
    public string PaymentToken { get; private set; } = string.Empty;

    public PaymentRequestStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static PaymentRequest Create(Guid orderId, Guid userId, decimal amount, string currency, string paymentToken, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        ArgumentNullException.ThrowIfNull(paymentToken);

        return new PaymentRequest
        {
            OrderId = orderId,
            UserId = userId,
            Amount = amount,
            Currency = currency.ToUpperInvariant(),
            PaymentToken = paymentToken,
            Status = PaymentRequestStatus.AwaitingStock,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Records the processor's answer to the charge.</summary>
    public void Charged(Payment payment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(payment);
        MoveTo(
            PaymentRequestStatus.AwaitingStock,
            payment.Status == PaymentStatus.Captured ? PaymentRequestStatus.Captured : PaymentRequestStatus.Declined,
            now);
    }

    /// <summary>The order was cancelled before its stock was reserved: the card will not be charged.</summary>
    public void Cancel(DateTimeOffset now) => MoveTo(PaymentRequestStatus.AwaitingStock, PaymentRequestStatus.Cancelled, now);

    /// <summary>The order was cancelled after its capture: the money goes back.</summary>
    public void Refunded(DateTimeOffset now) => MoveTo(PaymentRequestStatus.Captured, PaymentRequestStatus.Refunded, now);

    private void MoveTo(PaymentRequestStatus from, PaymentRequestStatus to, DateTimeOffset now)
    {
        if (Status != from)
        {
            throw new InvalidOperationException($"The payment of order {OrderId} is {Status}; only an {from} one can become {to}.");
        }

        Status = to;
        UpdatedAt = now;
    }
}
