using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RabbitMQ.Client.Exceptions;
using Shop.ServiceDefaults.Authentication;
using Shop.ServiceDefaults.Http;

namespace Shop.EventBus.DeadLetters;

/// <summary>
/// Admin endpoints to inspect and replay the service's dead letters. They are internal: the gateway has no route to
/// them, so an operator calls the service directly (in-cluster, or from the Aspire dashboard's endpoint list).
/// </summary>
public static class DeadLetterEndpoints
{
    public const string Path = "/admin/dead-letters";
    private const int MaxPeek = 500;

    public static IEndpointRouteBuilder MapDeadLetterEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var deadLetters = endpoints.MapGroup(Path)
            .WithTags("Dead letters")
            .RequireAuthorization(ShopPolicies.Admin)
            .ExcludeFromDescription();

        deadLetters.MapGet("", PeekAsync).WithName("PeekDeadLetters");
        deadLetters.MapPost("/replay", ReplayAsync).WithName("ReplayDeadLetters");
        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<DeadLetter>>, ValidationProblem, ProblemHttpResult>> PeekAsync(
        int? limit, DeadLetterQueue queue, CancellationToken ct)
    {
        if (limit is < 1 or > MaxPeek)
        {
            var errors = new ValidationErrors();
            errors.Add("limit", $"limit must be between 1 and {MaxPeek}.");
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        try
        {
            return TypedResults.Ok(await queue.PeekAsync(limit ?? 100, ct));
        }
        catch (Exception exception) when (IsBrokerDown(exception))
        {
            return BrokerUnavailable();
        }
    }

    private static async Task<Results<Ok<DeadLetterReplay>, ProblemHttpResult>> ReplayAsync(
        string? messageId, DeadLetterQueue queue, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(new DeadLetterReplay(await queue.ReplayAsync(messageId, ct)));
        }
        catch (Exception exception) when (IsBrokerDown(exception))
        {
            return BrokerUnavailable();
        }
    }

    private static bool IsBrokerDown(Exception exception) =>
        exception is BrokerUnreachableException or AlreadyClosedException or OperationInterruptedException;

    private static ProblemHttpResult BrokerUnavailable() => TypedResults.Problem(
        title: "Broker unavailable",
        detail: "The message broker cannot be reached right now; nothing was changed. Try again shortly.",
        statusCode: StatusCodes.Status503ServiceUnavailable);
}
