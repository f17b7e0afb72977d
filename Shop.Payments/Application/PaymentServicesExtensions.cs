namespace Shop.Payments.Application;

public static class PaymentServicesExtensions
{
    public static IHostApplicationBuilder AddPaymentServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddScoped<PaymentRecorder>();
        builder.Services.AddScoped<PaymentRequests>();
        return builder;
    }
}
