using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Shop.Payments.Application;

public static class PaymentServicesExtensions
{
    public static IHostApplicationBuilder AddPaymentServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<PaymentRecorder>();
        return builder;
    }
}
