using System.Net;

namespace Shop.Tests.Api;

/// <summary>
/// Right after a resource restart its health report can be stale (Aspire reports the last result until the next check
/// runs): confirm with real requests, for a bounded while, that the route answers <c>expected</c> again.
/// </summary>
internal static class Eventually
{
    private const int Attempts = 40;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(500);

    public static async Task AssertStatusAsync(HttpStatusCode expected, Func<Task<HttpResponseMessage>> send)
    {
        ArgumentNullException.ThrowIfNull(send);

        var answered = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < Attempts && answered != expected; attempt++)
        {
            using var response = await send();
            answered = response.StatusCode;
            if (answered != expected)
            {
                await Task.Delay(Pause);
            }
        }

        Assert.Equal(expected, answered);
    }
}
