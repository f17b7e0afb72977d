using System.Text.Json;
using Shop.AppHost.Infrastructure;
using Shop.Bench.Harness;
using Shop.Bench.Reporting;
using Shop.Bench.Tools;

namespace Shop.Bench.Sections;

/// <summary>
/// <c>GET /api/v1/products/{id}</c> with wrk, three ways to the same inventory process: directly, through the Shop
/// gateway, and through nginx configured as a plain reverse proxy.
/// </summary>
public static class GatewayOverhead
{
    private const int WrkThreads = 2;

    public static async Task<GatewayOverheadResult> RunAsync(BenchedShop shop, Guid productId, CpuAccounting cpu, BenchSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shop);

        var path = $"/api/v1/products/{productId}";
        await using var nginx = await NginxReverseProxy.StartAsync(shop.InventoryAddress, LoopbackPort.Free(), ct);

        var direct = await MeasureAsync(new Uri(shop.InventoryAddress, path), cpu, settings, ct);
        var gateway = await MeasureAsync(new Uri(shop.GatewayAddress, path), cpu, settings, ct);
        var proxied = await MeasureAsync(new Uri(nginx.Address, path), cpu, settings, ct);

        return new GatewayOverheadResult(
            "GET /api/v1/products/{id}", settings.WrkConnections, settings.WrkDuration.TotalSeconds,
            direct.Load, gateway.Load, proxied.Load, direct.Cpu, gateway.Cpu, proxied.Cpu,
            settings.WrkOneClientDuration.TotalSeconds, direct.OneClient, gateway.OneClient, proxied.OneClient);
    }

    /// <summary>Any product of the demo catalog, read through the gateway as an anonymous client.</summary>
    public static async Task<Guid> AnyProductAsync(Uri gateway, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = gateway };
        using var page = JsonDocument.Parse(await http.GetStringAsync("/api/v1/products?page=1&pageSize=1", ct));
        return page.RootElement.GetProperty("items")[0].GetProperty("id").GetGuid();
    }

    /// <summary>
    /// wrk's figures under load, the CPU microseconds each request cost every process that took part, and wrk's figures
    /// for one client at a time: with nothing queued, its latency is what the path itself adds.
    /// </summary>
    private static async Task<(HttpLoadResult Load, IReadOnlyList<CpuPerRequest> Cpu, HttpLoadResult OneClient)> MeasureAsync(
        Uri url, CpuAccounting cpu, BenchSettings settings, CancellationToken ct)
    {
        // A warm-up run first, outside the measurement: .NET recompiles hot code, optimised, in the background, and
        // connection pools and PostgreSQL's caches fill.
        await Wrk.RunAsync(url, settings.WrkConnections, WrkThreads, settings.WrkWarmUp, headers: null, ct);
        var before = cpu.Snapshot();
        var result = await Wrk.RunAsync(url, settings.WrkConnections, WrkThreads, settings.WrkDuration, headers: null, ct);
        var spent = CpuAccounting.Between(before, cpu.Snapshot());
        EnsureAllAnswered(url, result, "under load");
        var oneClient = await Wrk.RunAsync(url, connections: 1, threads: 1, settings.WrkOneClientDuration, headers: null, ct);
        EnsureAllAnswered(url, oneClient, "for one client");

        return (result, [.. spent
            .Select(group => new CpuPerRequest(group.Group, Math.Round(group.Seconds * 1_000_000 / result.Requests, 1)))
            .Where(share => share.Microseconds >= 1)], oneClient);
    }

    private static void EnsureAllAnswered(Uri url, HttpLoadResult result, string when)
    {
        if (result.Non2xxOr3xx > 0 || result.SocketErrors > 0)
        {
            throw new InvalidOperationException($"{url}: {result.Non2xxOr3xx} non-2xx answers and {result.SocketErrors} socket errors {when}.");
        }
    }
}
