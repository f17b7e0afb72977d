namespace Shop.Payments.Domain;

/// <summary>
/// One charge attempt or refund for an order. Rows are never updated: a refund is a row of its own, so the
/// history of an order's money is the list of its rows.
/// </summary>
public sealed class Payment
{
    public const int CurrencyLength = 3;
    public const int ReasonMaxLength = 64;

    public Guid Id { get; init; }

    public Guid OrderId { get; init; }

    /// <summary>The order's owner, who alone (besides admins) may see the order's payments.</summary>
    public Guid UserId { get; init; }

    public decimal Amount { get; init; }

    public required string Currency { get; init; }

    public PaymentStatus Status { get; init; }

    /// <summary>Why the charge was declined (e.g. <c>card_declined</c>); null for a capture.</summary>
    public string? Reason { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gives the money of <paramref name="capture"/> back: a row of its own, the capture stays as it was.</summary>
    public static Payment RefundOf(Payment capture, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(capture);
        if (capture.Status != PaymentStatus.Captured)
        {
            throw new ArgumentException($"Only a capture can be refunded; payment {capture.Id} is {capture.Status}.", nameof(capture));
        }

        return new Payment
        {
            Id = Guid.CreateVersion7(createdAt),
            OrderId = capture.OrderId,
            UserId = capture.UserId,
            Amount = capture.Amount,
            Currency = capture.Currency,
            Status = PaymentStatus.Refunded,
            CreatedAt = createdAt,
        };
    }

    /// <summary>Records the processor's answer to charging <paramref name="amount"/> for the order.</summary>
    public static Payment FromCharge(
        Guid orderId, Guid userId, decimal amount, string currency, ChargeResult charge, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(charge);

        return new Payment
        {
            Id = Guid.CreateVersion7(createdAt),
            OrderId = orderId,
            UserId = userId,
            Amount = amount,
            Currency = currency,
            Status = charge.Succeeded ? PaymentStatus.Captured : PaymentStatus.Declined,
            Reason = charge.DeclineReason,
            CreatedAt = createdAt,
        };
    }
}
