using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Shop.ServiceDefaults.Authentication;

namespace Shop.Gateway.Edge;

/// <summary>
/// Fixed-window rate limits named in <c>RateLimits</c> and chosen per route (<c>RateLimiterPolicy</c> in
/// <c>ReverseProxy:Routes</c>). Each limit counts per signed-in user, else per client IP: the socket's address, or the
/// one a trusted proxy forwarded (<see cref="ForwardedHeadersSettings"/>), never one a client claims.
/// </summary>
public static class RateLimitingExtensions
{
    public const string SectionName = "RateLimits";

    public static IHostApplicationBuilder AddGatewayRateLimiting(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var limits = builder.Configuration.GetSection(SectionName).Get<Dictionary<string, FixedWindowLimit>>() ?? [];
        builder.Services.AddRateLimiter(options =>
        {
            foreach (var (name, limit) in limits)
            {
                limit.Validate(name);
                options.AddPolicy(name, context => RateLimitPartition.GetFixedWindowLimiter(
                    PartitionKey(context),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0 }));
            }

            options.OnRejected = RejectAsync;
        });

        return builder;
    }

    private static string PartitionKey(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && context.User.FindFirst(ShopClaims.Subject)?.Value is { } subject
            ? $"user:{subject}"
            : $"ip:{context.Connection.RemoteIpAddress}";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

        rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await GatewayProblems.WriteAsync(
            rejected.HttpContext,
            StatusCodes.Status429TooManyRequests,
            "Too many requests",
            $"The rate limit for this route was reached. Retry after {seconds} s.");
    }
}
