using System.Collections.Concurrent;
using System.Diagnostics;
using Shop.Bench.Harness;

namespace Shop.Bench.Soak;

/// <summary>
/// The soak's steady load through the gateway, each stream open loop and ramped up over <see cref="SoakSettings.RampUp"/>: orders (every
/// <see cref="SoakSettings.DeclinedEvery"/>th with a declined card), the catalog (a page, then a product, in turn) and
/// customers looking at one of the last orders placed. Each request counts for the minute it was due in.
/// </summary>
public sealed class SoakTraffic
{
    private const string CatalogPage = "/api/v1/products?page=1&pageSize=20";

    private readonly Workload _workload;

    private readonly SoakSettings _settings;

    private readonly SoakCustomers _customers;

    private readonly RecentOrders _recent = new();

    private readonly ConcurrentQueue<SoakOrder> _orders = new();

    private readonly int[] _readsAnswered;

    private readonly int[] _readsFailed;

    public SoakTraffic(Workload workload, SoakSettings settings)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(settings);

        _workload = workload;
        _settings = settings;
        _customers = new SoakCustomers(workload.Client, workload.Customers);
        _readsAnswered = new int[settings.Minutes];
        _readsFailed = new int[settings.Minutes];
    }

    /// <summary>The orders answered so far.</summary>
    public IReadOnlyList<SoakOrder> Orders => [.. _orders];

    /// <summary>Reads due in <paramref name="minute"/> (0-based) answered 200, and those answered otherwise or not at all.</summary>
    public (int Answered, int Failed) Reads(int minute) => (Volatile.Read(ref _readsAnswered[minute]), Volatile.Read(ref _readsFailed[minute]));

    /// <summary>Runs every stream for the soak's duration from <paramref name="clock"/>'s zero, and waits for the last answers.</summary>
    public Task RunAsync(Stopwatch clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clock);

        var duration = _settings.Duration;
        return Task.WhenAll(
            _customers.RenewAsync(clock, _settings.CustomerRenewal, duration, ct),
            OpenLoopSchedule.RunAsync(clock, _settings.OrdersPerSecond, duration, _settings.RampUp, i => OrderAsync(i, ct), ct),
            OpenLoopSchedule.RunAsync(clock, _settings.CatalogReadsPerSecond, duration, _settings.RampUp, i => CatalogReadAsync(i, ct), ct),
            OpenLoopSchedule.RunAsync(clock, _settings.OrderReadsPerSecond, duration, _settings.RampUp, i => OrderReadAsync(i, ct), ct));
    }

    private async Task OrderAsync(int number, CancellationToken ct)
    {
        var minute = Minute(number, _settings.OrdersPerSecond);
        var declined = _settings.IsDeclined(number);
        var token = _customers.For(number);
        var product = _workload.Products[number % _workload.Products.Count];
        var attempt = await _workload.Client.PlaceOrderAsync(token, product, declined ? ShopClient.DeclinedCard : ShopClient.ApprovedCard, ct);
        if (attempt.OrderId is { } id)
        {
            _recent.Add(token, id);
        }

        _orders.Enqueue(new SoakOrder(minute, declined, attempt));
    }

    private async Task CatalogReadAsync(int number, CancellationToken ct)
    {
        var path = number % 2 == 0
            ? CatalogPage
            : $"/api/v1/products/{_workload.Products[number / 2 % _workload.Products.Count]}";
        Count(Minute(number, _settings.CatalogReadsPerSecond), await _workload.Client.ReadAsync(path, token: null, ct));
    }

    private async Task OrderReadAsync(int number, CancellationToken ct)
    {
        // Before the first order is accepted there is nothing to look at yet.
        if (_recent.Pick() is { } order)
        {
            Count(Minute(number, _settings.OrderReadsPerSecond), await _workload.Client.ReadAsync($"/api/v1/orders/{order.OrderId}", order.Token, ct));
        }
    }

    private void Count(int minute, int status) =>
        Interlocked.Increment(ref status == 200 ? ref _readsAnswered[minute] : ref _readsFailed[minute]);

    private int Minute(int number, double ratePerSecond) =>
        Math.Min((int)(OpenLoopSchedule.DueAt(number, ratePerSecond, _settings.RampUp) / _settings.SampleInterval), _settings.Minutes - 1);
}

/// <summary>One order of the soak: the minute it was due in (0-based), whether its card is the declined one, and its POST.</summary>
public sealed record SoakOrder(int Minute, bool Declined, OrderAttempt Attempt);
