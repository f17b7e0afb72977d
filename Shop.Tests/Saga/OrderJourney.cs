using System.Net.Http.Json;
using System.Text.Json;
using Shop.Tests.Api;

namespace Shop.Tests.Saga;

/// <summary>What the saga tests read and do through the gateway: follow and cancel orders, read their effects.</summary>
internal static class OrderJourney
{
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>Polls the order until it is Confirmed or Cancelled; fails if it is not within the timeout.</summary>
    public static async Task<JsonElement> FinalOrderAsync(this ShopApi api, Actor customer, Guid orderId)
    {
        using var client = api.As(customer);
        return await UntilAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{orderId}", ShopApi.Json, TestContext.Timeout),
            order => order.GetProperty("status").GetString() is "Confirmed" or "Cancelled",
            $"order {orderId} to reach a final status");
    }

    /// <summary>Waits until <paramref name="read"/> satisfies <paramref name="done"/>, and returns that value.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);

        using var deadline = new CancellationTokenSource(WaitTimeout);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.False(deadline.IsCancellationRequested, $"Timed out waiting for {what}; last value: {value}");
            await Task.Delay(Poll, TestContext.Timeout);
        }
    }

    public static async Task<HttpResponseMessage> CancelAsync(this ShopApi api, Actor customer, Guid orderId)
    {
        using var client = api.As(customer);
        return await client.PostAsync($"/api/v1/orders/{orderId}/cancel", content: null, TestContext.Timeout);
    }

    public static async Task<int> AvailableAsync(this ShopApi api, Guid productId)
    {
        using var client = api.Anonymous();
        var product = await client.GetFromJsonAsync<JsonElement>($"/api/v1/products/{productId}", ShopApi.Json, TestContext.Timeout);
        return product.GetProperty("available").GetInt32();
    }

    /// <summary>The statuses of the order's payments, oldest first (e.g. ["Captured", "Refunded"]).</summary>
    public static async Task<string[]> PaymentStatusesAsync(this ShopApi api, Actor reader, Guid orderId)
    {
        using var client = api.As(reader);
        var payments = await client.GetFromJsonAsync<JsonElement>($"/api/v1/payments?orderId={orderId}", ShopApi.Json, TestContext.Timeout);
        return [.. payments.EnumerateArray().Select(payment => payment.GetProperty("status").GetString()!)];
    }

    /// <summary>The customer's notifications about <paramref name="orderId"/>.</summary>
    public static async Task<JsonElement[]> NotificationsAboutAsync(this ShopApi api, Actor customer, Guid orderId)
    {
        using var client = api.As(customer);
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/notifications?pageSize=100", ShopApi.Json, TestContext.Timeout);
        return [.. page.GetProperty("items").EnumerateArray()
            .Where(notification => notification.GetProperty("orderId").ValueKind == JsonValueKind.String
                && notification.GetProperty("orderId").GetGuid() == orderId)];
    }

    /// <summary>Waits for the customer's one notification about <paramref name="orderId"/> and returns it.</summary>
    public static async Task<JsonElement> SingleNotificationAboutAsync(this ShopApi api, Actor customer, Guid orderId, string what) =>
        Assert.Single(await UntilAsync(() => api.NotificationsAboutAsync(customer, orderId), found => found.Length > 0, what));
}
