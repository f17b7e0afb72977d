using Microsoft.EntityFrameworkCore;
using Shop.Payments.Data;
using Shop.Payments.Domain;

namespace Shop.Payments.Application;

/// <summary>Charges an order's card and records the outcome; capturing the same order twice charges it once.</summary>
public sealed class PaymentRecorder(PaymentsDbContext db, TimeProvider time)
{
    /// <summary>
    /// Returns the order's existing capture if there is one; otherwise charges <paramref name="paymentToken"/> and
    /// records a Captured or Declined payment.
    /// </summary>
    public async Task<Payment> CaptureAsync(
        Guid orderId, Guid userId, decimal amount, string currency, string? paymentToken, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        if (currency.Length != Payment.CurrencyLength)
        {
            throw new ArgumentException($"A currency is a {Payment.CurrencyLength}-letter ISO 4217 code.", nameof(currency));
        }

        if (await FindCaptureAsync(orderId, ct) is { } existing)
        {
            return existing;
        }

        var payment = Payment.FromCharge(
            orderId, userId, amount, currency.ToUpperInvariant(), CardProcessor.Charge(paymentToken), time.GetUtcNow());
        db.Payments.Add(payment);

        try
        {
            await db.SaveChangesAsync(ct);
            return payment;
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation(PaymentConfiguration.OneCapturePerOrderIndex))
        {
            // A concurrent capture of the same order committed first; its row is the answer.
            db.Entry(payment).State = EntityState.Detached;
            return await FindCaptureAsync(orderId, ct)
                ?? throw new InvalidOperationException($"Order {orderId} violated the one-capture index but has no capture.", exception);
        }
    }

    private Task<Payment?> FindCaptureAsync(Guid orderId, CancellationToken ct) =>
        db.Payments.AsNoTracking()
            .SingleOrDefaultAsync(payment => payment.OrderId == orderId && payment.Status == PaymentStatus.Captured, ct);
}
