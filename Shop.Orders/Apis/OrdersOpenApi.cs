using Microsoft.AspNetCore.OpenApi;
using Shop.Orders.Domain;
using Shop.ServiceDefaults.OpenApi;

namespace Shop.Orders.Apis;

/// <summary>The orders API's validation rules in its OpenAPI document, from the constants <see cref="PlaceOrderRequest"/> checks.</summary>
internal static class OrdersOpenApi
{
    public static void Constrain(OpenApiOptions options)
    {
        options.ConstrainProperty<PlaceOrderRequest>("items", OpenApiConstraints.Items(1, Order.MaxLines));
        options.ConstrainProperty<PlaceOrderRequest>("paymentToken", OpenApiConstraints.Matching(PlaceOrderRequest.PaymentTokenPatternText));
        options.ConstrainProperty<PlaceOrderLine>("quantity", OpenApiConstraints.Between(1, Order.MaxQuantity));
        options.ConstrainParameter(
            PlaceOrderRequest.IdempotencyKeyHeader,
            OpenApiConstraints.Schema(OpenApiConstraints.All(
                OpenApiConstraints.Length(1, Order.MaxIdempotencyKeyLength),
                OpenApiConstraints.Matching(PlaceOrderRequest.IdempotencyKeyPatternText))));
    }
}
