using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Shop.Data;

/// <summary>
/// Text PostgreSQL cannot hold (a NUL character, an invalid byte sequence) fails the query or the write that carries
/// it, whatever the field. That is the client's input, so it answers 400, not 500 — one safety net for every string a
/// request can bring, in a query or in a body.
/// </summary>
internal sealed class UnstorableTextExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnstorableText(exception))
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Invalid text",
                Detail = "The request contains text that cannot be stored, such as a NUL character.",
            },
        });
    }

    private static bool IsUnstorableText(Exception? exception) => exception switch
    {
        null => false,
        PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter } => true,
        _ => IsUnstorableText(exception.InnerException),
    };
}
