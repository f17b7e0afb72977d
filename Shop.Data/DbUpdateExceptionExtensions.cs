using Npgsql;

namespace Microsoft.EntityFrameworkCore;

public static class DbUpdateExceptionExtensions
{
    /// <summary>
    /// True when a unique index rejected the write (a concurrent insert won the race), optionally only that index.
    /// Callers answer 409 or reload the winner instead of failing with a 500.
    /// </summary>
    public static bool IsUniqueViolation(this DbUpdateException exception, string? constraintName = null) =>
        exception?.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } violation
        && (constraintName is null || violation.ConstraintName == constraintName);
}
