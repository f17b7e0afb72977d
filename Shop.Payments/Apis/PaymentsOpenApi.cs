using Microsoft.AspNetCore.OpenApi;
using Shop.ServiceDefaults.OpenApi;

namespace Shop.Payments.Apis;

/// <summary>
/// GET /payments binds <c>orderId</c> as text only so a missing or garbled id becomes a named validation error; the
/// document says what the service requires.
/// </summary>
internal static class PaymentsOpenApi
{
    public static void Constrain(OpenApiOptions options) =>
        options.ConstrainParameter(PaymentsApi.OrderIdParameter, OpenApiConstraints.Required(OpenApiConstraints.Format("uuid")));
}
