using System.Net;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Shop.ApiClient;
using Shop.ApiClient.Inventory;
using Shop.ApiClient.Inventory.Models;
using Shop.ApiClient.Notifications;
using Shop.ApiClient.Notifications.Models;
using Shop.ApiClient.Orders;
using Shop.ApiClient.Orders.Models;
using Shop.ApiClient.Payments;
using Shop.ApiClient.Payments.Models;
using Shop.ApiClient.Users;
using Shop.ApiClient.Users.Models;
using Shop.Tests.Integration;
using Shop.Tests.Saga;

namespace Shop.Tests.Contract;

/// <summary>
/// A customer's whole journey through the gateway with nothing but the clients Kiota generates from the committed
/// OpenAPI documents (Shop.ApiClient). It fails when a document no longer describes what the gateway serves in a way
/// a generated client can use: a wrong path, body, status or property name, or a type the client cannot read.
/// </summary>
[Collection(ShopAppCollection.Name)]
public sealed class GeneratedClientJourneyTests(ShopAppFixture shop)
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task A_customer_signs_up_orders_pays_is_notified_and_cancels_through_the_generated_clients()
    {
        using var gateway = shop.CreateGatewayClient();
        using var anonymous = Adapter(gateway, new AnonymousAuthenticationProvider());
        var email = $"kiota-{Guid.NewGuid():N}@example.com";

        var registered = await new UsersClient(anonymous).Api.V1.Users.PostAsync(
            new RegisterUserRequest { Email = email, Password = Password, DisplayName = "Kiota customer" },
            cancellationToken: TestContext.Timeout);
        Assert.NotNull(registered);
        Assert.Equal(email, registered.Email);
        Assert.Equal("customer", registered.Role);
        var userId = Assert.NotNull(registered.Id);

        var token = await new UsersClient(anonymous).Api.V1.Auth.Token.PostAsync(
            new TokenRequest { Email = email, Password = Password }, cancellationToken: TestContext.Timeout);
        Assert.NotNull(token);
        Assert.Equal("Bearer", token.TokenType);
        Assert.True(token.ExpiresIn > 0, $"expiresIn is {token.ExpiresIn}");
        using var signedIn = Adapter(
            gateway, new BaseBearerTokenAuthenticationProvider(new SignedInUserTokenProvider(token.AccessToken!, gateway.BaseAddress!)));
        var me = await new UsersClient(signedIn).Api.V1.Users.Me.GetAsync(cancellationToken: TestContext.Timeout);
        Assert.Equal(userId, me?.Id);

        // Browse: a demo product with stock for both orders, read from the list and again on its own.
        var inventory = new InventoryClient(anonymous);
        var page = await inventory.Api.V1.Products.GetAsync(
            request => { request.QueryParameters.Page = 1; request.QueryParameters.PageSize = 100; }, TestContext.Timeout);
        Assert.NotNull(page?.Items);
        Assert.Equal(1, page.Page);
        Assert.True(page.Total >= page.Items.Count, $"total {page.Total} < {page.Items.Count} items");
        var listed = page.Items.First(product => product.Sku!.StartsWith("SHOP-", StringComparison.Ordinal) && product.Available >= 3);
        var product = await inventory.Api.V1.Products[listed.Id!.Value].GetAsync(cancellationToken: TestContext.Timeout);
        Assert.NotNull(product);
        Assert.Equal((listed.Name, listed.Price, listed.Currency), (product.Name, product.Price, product.Currency));

        // Place an order; the saga confirms it; one payment is captured for its total; the customer is told.
        var orders = new OrdersClient(signedIn);
        var placed = await orders.Api.V1.Orders.PostAsync(Order(product, quantity: 2), cancellationToken: TestContext.Timeout);
        Assert.NotNull(placed);
        Assert.Equal(OrderStatus.Pending, placed.Status);
        var line = Assert.Single(placed.Items!);
        Assert.Equal(product.Id, line.ProductId);
        Assert.Equal(product.Name, line.Name);
        Assert.Equal(product.Price, line.UnitPrice);
        Assert.Equal(2, line.Quantity);
        Assert.Equal(2 * product.Price!.Value, placed.Total!.Value, 2);
        Assert.Equal(product.Currency, placed.Currency);
        var orderId = placed.Id!.Value;

        var confirmed = await FinalAsync(orders, orderId);
        Assert.Equal(OrderStatus.Confirmed, confirmed.Status);
        Assert.Equal(userId, confirmed.UserId);
        Assert.Null(confirmed.CancellationReason);

        var payments = await new PaymentsClient(signedIn).Api.V1.Payments.GetAsync(
            request => request.QueryParameters.OrderId = orderId, TestContext.Timeout);
        var payment = Assert.Single(payments!);
        Assert.Equal(PaymentStatus.Captured, payment.Status);
        Assert.Equal(orderId, payment.OrderId);
        Assert.Equal(placed.Total.Value, payment.Amount!.Value, 2);
        Assert.Equal(placed.Currency, payment.Currency);

        var notifications = new NotificationsClient(signedIn);
        var aboutTheOrder = Assert.Single(await OrderJourney.UntilAsync(
            () => NotificationsAboutAsync(notifications, orderId), found => found.Length > 0, $"a notification about order {orderId}"));
        Assert.Equal(NotificationType.OrderConfirmed, aboutTheOrder.Type);
        Assert.Contains(orderId.ToString(), aboutTheOrder.Body, StringComparison.Ordinal);

        // A second order, cancelled by the customer: 202 with the cancelled order, and it stays cancelled.
        var second = await orders.Api.V1.Orders.PostAsync(Order(product, quantity: 1), cancellationToken: TestContext.Timeout);
        var secondId = second!.Id!.Value;
        var (status, cancelled) = await CancelAsync(orders, secondId);
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(secondId, cancelled.Id);
        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        var final = await FinalAsync(orders, secondId);
        Assert.Equal(OrderStatus.Cancelled, final.Status);
        Assert.Equal(CancellationReason.CancelledByCustomer, final.CancellationReason);
    }

    /// <summary>A client's adapter over the gateway's HttpClient; the documents name no server, so the base URL is set here.</summary>
    private static HttpClientRequestAdapter Adapter(HttpClient gateway, IAuthenticationProvider authentication) =>
        new(authentication, httpClient: gateway) { BaseUrl = gateway.BaseAddress!.AbsoluteUri.TrimEnd('/') };

    private static PlaceOrderRequest Order(ProductResponse product, int quantity) => new()
    {
        Items = [new PlaceOrderLine { ProductId = product.Id, Quantity = quantity }],
        PaymentToken = "tok_visa",
    };

    private static Task<OrderResponse> FinalAsync(OrdersClient orders, Guid orderId) =>
        OrderJourney.UntilAsync(
            async () => (await orders.Api.V1.Orders[orderId].GetAsync(cancellationToken: TestContext.Timeout))!,
            order => order.Status is OrderStatus.Confirmed or OrderStatus.Cancelled,
            $"order {orderId} to reach a final status");

    private static async Task<NotificationResponse[]> NotificationsAboutAsync(NotificationsClient notifications, Guid orderId)
    {
        var page = await notifications.Api.V1.Notifications.GetAsync(
            request => request.QueryParameters.PageSize = 100, TestContext.Timeout);
        return [.. page!.Items!.Where(notification => notification.OrderId == orderId)];
    }

    /// <summary>
    /// Cancels through the generated request builder, keeping the response: a generated method returns only the body
    /// of any 2xx, and the contract says 202.
    /// </summary>
    private static async Task<(HttpStatusCode Status, OrderResponse Order)> CancelAsync(OrdersClient orders, Guid orderId)
    {
        var native = new NativeResponseHandler();
        await orders.Api.V1.Orders[orderId].Cancel.PostAsync(
            request => request.Options.Add(new ResponseHandlerOption { ResponseHandler = native }), TestContext.Timeout);
        using var response = Assert.IsType<HttpResponseMessage>(native.Value);
        var body = await response.Content.ReadAsStreamAsync(TestContext.Timeout);
        var order = await KiotaJsonSerializer.DeserializeAsync(body, OrderResponse.CreateFromDiscriminatorValue, TestContext.Timeout);
        return (response.StatusCode, Assert.IsType<OrderResponse>(order));
    }
}
