using System.Text;
using Shop.Tests.Integration;

namespace Shop.Tests.Api;

/// <summary>Each validation rule of the public API: a 400 ProblemDetails whose errors map names the bad field.</summary>
[Collection(ShopAppCollection.Name)]
public sealed class ValidationTests(ShopAppFixture shop)
{
    private const string Customer = "customer";
    private const string Admin = "admin";
    private const string Nobody = "anonymous";

    private static readonly string FiftyOneLines =
        "[" + string.Join(",", Enumerable.Range(0, 51).Select(i => $$"""{"productId":"{{Guid.NewGuid()}}","quantity":1}""")) + "]";

    public static TheoryData<string, string, string, string?, string?, string> Cases() => new()
    {
        // Users
        { "email missing", Nobody, "POST /api/v1/users", """{"password":"long enough","displayName":"X"}""", null, "email" },
        { "email malformed", Nobody, "POST /api/v1/users", """{"email":"not-an-email","password":"long enough","displayName":"X"}""", null, "email" },
        { "password too short", Nobody, "POST /api/v1/users", """{"email":"short@example.com","password":"1234567","displayName":"X"}""", null, "password" },
        { "display name missing", Nobody, "POST /api/v1/users", """{"email":"name@example.com","password":"long enough"}""", null, "displayName" },
        { "sign-in email missing", Nobody, "POST /api/v1/auth/token", """{"password":"long enough"}""", null, "email" },
        { "sign-in password missing", Nobody, "POST /api/v1/auth/token", """{"email":"a@example.com"}""", null, "password" },

        // Inventory
        { "page below 1", Nobody, "GET /api/v1/products?page=0", null, null, "page" },
        { "page beyond any catalog", Nobody, "GET /api/v1/products?page=21474838&pageSize=100", null, null, "page" },
        { "page size above 100", Nobody, "GET /api/v1/products?pageSize=101", null, null, "pageSize" },
        { "page size below 1", Nobody, "GET /api/v1/products?pageSize=0", null, null, "pageSize" },
        { "sku missing", Admin, "POST /api/v1/products", """{"name":"N","price":1,"currency":"EUR","available":1}""", null, "sku" },
        { "sku with spaces", Admin, "POST /api/v1/products", """{"sku":"BAD SKU","name":"N","price":1,"currency":"EUR","available":1}""", null, "sku" },
        { "name missing", Admin, "POST /api/v1/products", """{"sku":"VAL-NAME","price":1,"currency":"EUR","available":1}""", null, "name" },
        { "price zero", Admin, "POST /api/v1/products", """{"sku":"VAL-P0","name":"N","price":0,"currency":"EUR","available":1}""", null, "price" },
        { "price negative", Admin, "POST /api/v1/products", """{"sku":"VAL-PN","name":"N","price":-5,"currency":"EUR","available":1}""", null, "price" },
        { "currency not ISO", Admin, "POST /api/v1/products", """{"sku":"VAL-CUR","name":"N","price":1,"currency":"euro","available":1}""", null, "currency" },
        { "available negative", Admin, "POST /api/v1/products", """{"sku":"VAL-AV","name":"N","price":1,"currency":"EUR","available":-1}""", null, "available" },
        { "stock negative", Admin, "PUT /api/v1/products/{product}/stock", """{"available":-1}""", null, "available" },
        { "stock missing", Admin, "PUT /api/v1/products/{product}/stock", """{}""", null, "available" },

        // Orders
        { "items missing", Customer, "POST /api/v1/orders", """{"paymentToken":"tok_visa"}""", null, "items" },
        { "items empty", Customer, "POST /api/v1/orders", """{"items":[],"paymentToken":"tok_visa"}""", null, "items" },
        { "more than 50 lines", Customer, "POST /api/v1/orders", $$"""{"items":{{FiftyOneLines}},"paymentToken":"tok_visa"}""", null, "items" },
        { "quantity zero", Customer, "POST /api/v1/orders", """{"items":[{"productId":"{product}","quantity":0}],"paymentToken":"tok_visa"}""", null, "items[0].quantity" },
        { "quantity above 100", Customer, "POST /api/v1/orders", """{"items":[{"productId":"{product}","quantity":101}],"paymentToken":"tok_visa"}""", null, "items[0].quantity" },
        { "product id missing", Customer, "POST /api/v1/orders", """{"items":[{"quantity":1}],"paymentToken":"tok_visa"}""", null, "items[0].productId" },
        { "duplicate product", Customer, "POST /api/v1/orders", """{"items":[{"productId":"{product}","quantity":1},{"productId":"{product}","quantity":2}],"paymentToken":"tok_visa"}""", null, "items[1].productId" },
        { "unknown product", Customer, "POST /api/v1/orders", """{"items":[{"productId":"{product}","quantity":1},{"productId":"00000000-0000-0000-0000-000000000001","quantity":1}],"paymentToken":"tok_visa"}""", null, "items[1].productId" },
        { "payment token missing", Customer, "POST /api/v1/orders", """{"items":[{"productId":"{product}","quantity":1}]}""", null, "paymentToken" },
        { "payment token malformed", Customer, "POST /api/v1/orders", """{"items":[{"productId":"{product}","quantity":1}],"paymentToken":"4242424242424242"}""", null, "paymentToken" },
        { "idempotency key too long", Customer, "POST /api/v1/orders", """{"items":[{"productId":"{product}","quantity":1}],"paymentToken":"tok_visa"}""", new string('k', 101), "Idempotency-Key" },
        { "orders page below 1", Customer, "GET /api/v1/orders?page=0", null, null, "page" },

        // Payments and notifications
        { "payments order id missing", Customer, "GET /api/v1/payments", null, null, "orderId" },
        { "payments order id garbled", Customer, "GET /api/v1/payments?orderId=nope", null, null, "orderId" },
        { "notifications page size above 100", Customer, "GET /api/v1/notifications?pageSize=101", null, null, "pageSize" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Invalid_input_is_a_400_naming_the_field(
        string rule, string actor, string request, string? body, string? idempotencyKey, string expectedField)
    {
        Assert.False(string.IsNullOrEmpty(rule));
        var scenario = await shop.Scenario;
        var product = actor == Admin ? scenario.AdminProductId : scenario.ProductId;
        var (method, path) = (request.Split(' ')[0], request.Split(' ')[1].Replace("{product}", product.ToString(), StringComparison.Ordinal));

        using var client = shop.Api.For(actor switch { Customer => scenario.CustomerA, Admin => scenario.Admin, _ => null });
        using var message = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            message.Content = new StringContent(body.Replace("{product}", product.ToString(), StringComparison.Ordinal), Encoding.UTF8, "application/json");
        }

        if (idempotencyKey is not null)
        {
            message.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await client.SendAsync(message, TestContext.Timeout);

        await response.AssertValidationErrorAsync(expectedField);
    }
}
