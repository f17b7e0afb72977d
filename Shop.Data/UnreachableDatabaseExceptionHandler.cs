using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Shop.Data;

/// <summary>
/// A database that cannot be reached (stopped, restarting, out of connections) once the retries are spent is the
/// service's own outage, not a bug: it answers 503 with <c>Retry-After</c>, so clients and the gateway know to come back,
/// and nothing was written. Any other failure stays a 500.
/// </summary>
internal sealed partial class UnreachableDatabaseExceptionHandler(
    IProblemDetailsService problems,
    ILogger<UnreachableDatabaseExceptionHandler> logger) : IExceptionHandler
{
    private const string RetryAfterSeconds = "5";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnreachableDatabase(exception))
        {
            return false;
        }

        LogUnreachable(exception, httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Database unavailable",
                Detail = "The service cannot reach its database right now. Nothing was changed; try again shortly.",
            },
        });
    }

    // Npgsql marks connection failures, server shutdowns and "too many clients" as transient; EF Core wraps them
    // (RetryLimitExceededException, DbUpdateException) once its retries are spent.
    private static bool IsUnreachableDatabase(Exception? exception) => exception switch
    {
        null => false,
        NpgsqlException { IsTransient: true } => true,
        _ => IsUnreachableDatabase(exception.InnerException),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: the database is unreachable")]
    private partial void LogUnreachable(Exception exception, string method, PathString path);
}
