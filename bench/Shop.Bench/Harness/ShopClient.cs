using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Shop.Bench.Harness;

/// <summary>What the benchmark does through the gateway, as any client would: sign up, sign in, order, look.</summary>
public sealed class ShopClient(HttpClient http) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>One pool of connections sized for open-loop load: each request in flight may need its own.</summary>
    public static ShopClient For(Uri gateway) => new(new HttpClient(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 512,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
    })
    {
        BaseAddress = gateway,
        Timeout = TimeSpan.FromSeconds(30),
    });

    public async Task<string> SignInAsync(string email, string password, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password }, ct);
        await EnsureAsync(response, HttpStatusCode.OK, "sign-in");
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json, ct)).GetProperty("accessToken").GetString()!;
    }

    /// <summary>Registers a customer with a unique email and returns their access token.</summary>
    public async Task<string> NewCustomerAsync(CancellationToken ct)
    {
        var email = $"bench-{Guid.NewGuid():N}@example.com";
        const string password = "correct horse battery";
        using var response = await http.PostAsJsonAsync("/api/v1/users", new { email, password, displayName = "Bench customer" }, ct);
        await EnsureAsync(response, HttpStatusCode.Created, "registration");
        return await SignInAsync(email, password, ct);
    }

    public async Task<Guid> CreateProductAsync(string adminToken, int available, CancellationToken ct)
    {
        using var request = Authorized(HttpMethod.Post, "/api/v1/products", adminToken);
        request.Content = JsonContent.Create(
            new { sku = $"BENCH-{Guid.NewGuid():N}"[..24], name = "Bench product", price = 9.90m, currency = "EUR", available }, options: Json);
        using var response = await http.SendAsync(request, ct);
        await EnsureAsync(response, HttpStatusCode.Created, "product creation");
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json, ct)).GetProperty("id").GetGuid();
    }

    public async Task<int> AvailableAsync(Guid productId, CancellationToken ct)
    {
        var product = await http.GetFromJsonAsync<JsonElement>($"/api/v1/products/{productId}", Json, ct);
        return product.GetProperty("available").GetInt32();
    }

    /// <summary>A card the payment processor accepts.</summary>
    public const string ApprovedCard = "tok_visa";

    /// <summary>A card the payment processor declines, which cancels the order.</summary>
    public const string DeclinedCard = "tok_chargeDeclined";

    /// <summary>Places an order for one unit, paid with <see cref="ApprovedCard"/>, and times the answer.</summary>
    public Task<OrderAttempt> PlaceOrderAsync(string customerToken, Guid productId, CancellationToken ct) =>
        PlaceOrderAsync(customerToken, productId, ApprovedCard, ct);

    /// <summary>Places an order for one unit and times the answer; a refusal is returned, not thrown.</summary>
    public async Task<OrderAttempt> PlaceOrderAsync(string customerToken, Guid productId, string paymentToken, CancellationToken ct)
    {
        var sentAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        try
        {
            using var request = Authorized(HttpMethod.Post, "/api/v1/orders", customerToken);
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            request.Content = JsonContent.Create(new { items = new[] { new { productId, quantity = 1 } }, paymentToken }, options: Json);
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                return new OrderAttempt(sentAt, clock.Elapsed, (int)response.StatusCode, null, customerToken, productId);
            }

            var id = (await response.Content.ReadFromJsonAsync<JsonElement>(Json, ct)).GetProperty("id").GetGuid();
            return new OrderAttempt(sentAt, clock.Elapsed, (int)response.StatusCode, id, customerToken, productId);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return new OrderAttempt(sentAt, clock.Elapsed, 0, null, customerToken, productId);
        }
    }

    /// <summary>GETs <paramref name="path"/>, signed with <paramref name="token"/> if given: the status code, 0 when no answer came.</summary>
    public async Task<int> ReadAsync(string path, string? token, CancellationToken ct)
    {
        try
        {
            using var request = token is null ? new HttpRequestMessage(HttpMethod.Get, path) : Authorized(HttpMethod.Get, path, token);
            using var response = await http.SendAsync(request, ct);
            return (int)response.StatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return 0;
        }
    }

    /// <summary>
    /// The order's status and when it last changed; <see cref="OrderState.Unknown"/> when the order does not exist
    /// (404) and <see cref="OrderState.Unanswered"/> when the lookup itself failed (a busy system), to ask again.
    /// </summary>
    public async Task<OrderState> OrderAsync(string customerToken, Guid orderId, CancellationToken ct)
    {
        try
        {
            using var request = Authorized(HttpMethod.Get, $"/api/v1/orders/{orderId}", customerToken);
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return OrderState.Unknown;
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                return OrderState.Unanswered;
            }

            var order = await response.Content.ReadFromJsonAsync<JsonElement>(Json, ct);
            return new OrderState(order.GetProperty("status").GetString()!, order.GetProperty("updatedAt").GetDateTimeOffset());
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return OrderState.Unanswered;
        }
    }

    public void Dispose() => http.Dispose();

    private static HttpRequestMessage Authorized(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"The {what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}

/// <summary>One POST of an order: when it was sent, how long the answer took, the status and the accepted order's id.</summary>
public sealed record OrderAttempt(DateTimeOffset SentAt, TimeSpan AcceptLatency, int StatusCode, Guid? OrderId, string CustomerToken, Guid ProductId);

/// <summary>An order as its owner sees it: <see cref="Status"/> and the time of its last change.</summary>
public sealed record OrderState(string Status, DateTimeOffset UpdatedAt)
{
    public static readonly OrderState Unknown = new("Lost", DateTimeOffset.MinValue);

    public static readonly OrderState Unanswered = new("Unanswered", DateTimeOffset.MinValue);

    public bool IsFinal => Status is "Confirmed" or "Cancelled";
}
