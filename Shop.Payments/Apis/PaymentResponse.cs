using Shop.Payments.Domain;

namespace Shop.Payments.Apis;

public sealed record PaymentResponse(
    Guid Id, Guid OrderId, decimal Amount, string Currency, PaymentStatus Status, string? Reason, DateTimeOffset CreatedAt)
{
    public static PaymentResponse From(Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return new(payment.Id, payment.OrderId, payment.Amount, payment.Currency, payment.Status, payment.Reason, payment.CreatedAt);
    }
}
