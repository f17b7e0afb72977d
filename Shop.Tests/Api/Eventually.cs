using System.Net;

namespace Shop.Tests.Api;

/// <summary>
/// Right after a resource restart its health report can be stale (Aspire reports the last result until the next check
/// runs), and the gateway's active probe takes a round to see it back: confirm with real requests, for a bounded while,
/// that the route answers <c>expected</c> again.
/// </summary>
internal static class Eventually
{
    private const int Attempts = 40;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(500);

    public static async Task AssertStatusAsync(HttpStatusCode expected, Func<Task<HttpResponseMessage>> send)
    {
        using var response = await RespondsAsync(expected, send);
    }

    /// <summary>The first response with the <paramref name="expected"/> status; the caller disposes it.</summary>
    public static async Task<HttpResponseMessage> RespondsAsync(HttpStatusCode expected, Func<Task<HttpResponseMessage>> send)
    {
        ArgumentNullException.ThrowIfNull(send);

        var answered = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var response = await send();
            if (response.StatusCode == expected)
            {
                return response;
            }

            answered = response.StatusCode;
            response.Dispose();
            await Task.Delay(Pause);
        }

        throw new Xunit.Sdk.XunitException($"The route still answered {answered}, not {expected}, after {Attempts} tries.");
    }
}
