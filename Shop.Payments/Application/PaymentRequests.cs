using Microsoft.EntityFrameworkCore;
using Shop.Payments.Data;
using Shop.Payments.Domain;

namespace Shop.Payments.Application;

/// <summary>
/// Finds an order's payment request, locked for the transaction, or creates it, without a failed statement when two
/// of the order's events are handled at the same moment: the insert skips a row another transaction has inserted
/// (waiting for that transaction to end), and the lock then finds that row.
/// </summary>
internal sealed class PaymentRequests(PaymentsDbContext db)
{
    /// <summary>
    /// The existing request, locked; or null when there was none and <paramref name="create"/>'s request was
    /// inserted (this transaction then holds it until it ends).
    /// </summary>
    public async Task<PaymentRequest?> LockOrCreateAsync(Func<PaymentRequest> create, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(create);

        var created = create();
        if (await LockAsync(created.OrderId, ct) is { } existing)
        {
            return existing;
        }

        if (await TryInsertAsync(created, ct))
        {
            return null;
        }

        return await LockAsync(created.OrderId, ct)
            ?? throw new InvalidOperationException($"The payment request of order {created.OrderId} conflicted on insert but cannot be found.");
    }

    private Task<PaymentRequest?> LockAsync(Guid orderId, CancellationToken ct) =>
        db.PaymentRequests
            .FromSql($"""SELECT * FROM "PaymentRequests" WHERE "OrderId" = {orderId} FOR UPDATE""")
            .SingleOrDefaultAsync(ct);

    private async Task<bool> TryInsertAsync(PaymentRequest request, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "PaymentRequests" ("OrderId", "UserId", "Amount", "Currency", "PaymentToken", "Status", "CreatedAt", "UpdatedAt")
            VALUES ({request.OrderId}, {request.UserId}, {request.Amount}, {request.Currency}, {request.PaymentToken},
                    {request.Status.ToString()}, {request.CreatedAt}, {request.UpdatedAt})
            ON CONFLICT ("OrderId") DO NOTHING
            """,
            ct) == 1;
}
