using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Shop.Inventory.Data;

internal static class DbUpdateExceptionExtensions
{
    /// <summary>True when a unique index rejected the write, e.g. a concurrent insert of the same sku.</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
