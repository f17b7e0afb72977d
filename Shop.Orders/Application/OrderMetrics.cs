using System.Diagnostics.Metrics;
using Shop.Orders.Domain;
using Shop.ServiceDefaults;

namespace Shop.Orders.Application;

/// <summary>How long orders take from placement to their final status, the saga's end-to-end latency.</summary>
public sealed class OrderMetrics
{
    private readonly Histogram<double> _completionTime;

    public OrderMetrics(ServiceTelemetry telemetry)
    {
        ArgumentNullException.ThrowIfNull(telemetry);

        _completionTime = telemetry.Meter.CreateHistogram<double>(
            "shop.orders.completion_time",
            unit: "s",
            description: "Time from an order's placement to its first final status (Confirmed or Cancelled).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });
    }

    public void Completed(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);

        _completionTime.Record(
            (order.UpdatedAt - order.CreatedAt).TotalSeconds,
            new KeyValuePair<string, object?>("order.status", order.Status.ToString()),
            new KeyValuePair<string, object?>("order.cancellation_reason", order.CancellationReason?.ToString()));
    }
}
