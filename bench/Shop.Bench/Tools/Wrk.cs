using System.Globalization;
using System.Text.RegularExpressions;

namespace Shop.Bench.Tools;

/// <summary>Drives HTTP load with wrk and reads its results from a machine-readable summary line.</summary>
public static partial class Wrk
{
    // wrk's own report rounds and scales units ("1.23ms", "2.5k"); this done() hook prints exact integers instead.
    private const string SummaryScript = """
        done = function(summary, latency, requests)
          local e = summary.errors
          io.write(string.format(
            "SHOPBENCH requests=%d duration_us=%d non2xx=%d errors=%d p50=%d p99=%d p999=%d\n",
            summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
            latency:percentile(50), latency:percentile(99), latency:percentile(99.9)))
        end
        """;

    // wrk stops on its own after the duration; the margin covers start-up and draining slow responses.
    private static readonly TimeSpan ExitMargin = TimeSpan.FromSeconds(30);

    public static async Task<HttpLoadResult> RunAsync(
        Uri url,
        int connections,
        int threads,
        TimeSpan duration,
        IReadOnlyDictionary<string, string>? headers,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(connections, threads);
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.FromSeconds(1));

        var scriptPath = Path.Combine(Path.GetTempPath(), $"shop-bench-wrk-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(scriptPath, SummaryScript, ct);
        try
        {
            var seconds = (int)Math.Ceiling(duration.TotalSeconds);
            List<string> arguments =
            [
                "--latency",
                string.Create(CultureInfo.InvariantCulture, $"-t{threads}"),
                string.Create(CultureInfo.InvariantCulture, $"-c{connections}"),
                string.Create(CultureInfo.InvariantCulture, $"-d{seconds}s"),
                "-s", scriptPath,
            ];
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                arguments.AddRange(["-H", $"{name}: {value}"]);
            }

            arguments.Add(url.AbsoluteUri);

            var output = await ExternalProcess.RunAsync("wrk", arguments, null, duration + ExitMargin, ct);
            return Parse(output.EnsureSuccess("wrk").StandardOutput);
        }
        finally
        {
            File.Delete(scriptPath);
        }
    }

    private static HttpLoadResult Parse(string wrkOutput)
    {
        var summary = SummaryLine().Match(wrkOutput);
        if (!summary.Success)
        {
            throw new InvalidOperationException($"wrk printed no SHOPBENCH summary line:\n{wrkOutput}");
        }

        long Number(string name) => long.Parse(summary.Groups[name].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        const double MicrosecondsPerMillisecond = 1_000;

        var requests = Number("requests");
        return new HttpLoadResult(
            RequestsPerSecond: requests / (Number("duration") / 1e6),
            P50Ms: Number("p50") / MicrosecondsPerMillisecond,
            P99Ms: Number("p99") / MicrosecondsPerMillisecond,
            P999Ms: Number("p999") / MicrosecondsPerMillisecond,
            Requests: requests,
            Non2xxOr3xx: Number("non2xx"),
            SocketErrors: Number("errors"));
    }

    [GeneratedRegex(
        @"^SHOPBENCH requests=(?<requests>\d+) duration_us=(?<duration>\d+) non2xx=(?<non2xx>\d+) errors=(?<errors>\d+) p50=(?<p50>\d+) p99=(?<p99>\d+) p999=(?<p999>\d+)",
        RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex SummaryLine();
}
