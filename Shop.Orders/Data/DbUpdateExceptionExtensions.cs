using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Shop.Orders.Data;

internal static class DbUpdateExceptionExtensions
{
    /// <summary>True when the write lost a race for an <c>Idempotency-Key</c> another request of the same user holds.</summary>
    public static bool IsIdempotencyKeyConflict(this DbUpdateException exception) =>
        exception.InnerException is PostgresException
        {
            SqlState: PostgresErrorCodes.UniqueViolation,
            ConstraintName: OrderConfiguration.IdempotencyKeyIndex,
        };
}
