using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Shop.AppHost.Services;

/// <summary>
/// "Distributed application started" comes about 20 s before the gateway can answer, and names no address. When the
/// gateway turns healthy, the console says once where everything is: the API, its docs, the dashboard with its login
/// token, and where the admin password is kept.
/// </summary>
internal static partial class ReadyBanner
{
    private const string DashboardUrlsSetting = "ASPNETCORE_URLS";
    private const string BrowserTokenSetting = "AppHost:BrowserToken";

    public static IResourceBuilder<ProjectResource> WithReadyBanner(this IResourceBuilder<ProjectResource> gateway)
    {
        var builder = gateway.ApplicationBuilder;
        if (!builder.ExecutionContext.IsRunMode)
        {
            return gateway;
        }

        builder.Eventing.Subscribe<ResourceReadyEvent>(gateway.Resource, (@event, _) =>
        {
            var logger = @event.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ReadyBanner).FullName!);
            var api = gateway.GetEndpoint("http").Url;
            var docs = $"{api}/docs";
            var dashboard = DashboardLogin(builder.Configuration);
            LogReady(logger, api, docs, dashboard, "dotnet user-secrets list --project Shop.AppHost");

            return Task.CompletedTask;
        });

        return gateway;
    }

    /// <summary>The dashboard's address with its login token; the testing builder runs no dashboard.</summary>
    private static string DashboardLogin(ConfigurationManager configuration)
    {
        var url = configuration[DashboardUrlsSetting]?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (url is null)
        {
            return "none in this run";
        }

        var token = configuration[BrowserTokenSetting];
        return string.IsNullOrEmpty(token) ? url : $"{url.TrimEnd('/')}/login?t={token}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = """
        Shop is ready.
              API:        {Api}
              API docs:   {Docs}
              Dashboard:  {Dashboard}
              Sign in as admin@shop.local; the password is Parameters:admin-password in: {AdminPasswordCommand}
        """)]
    private static partial void LogReady(ILogger logger, string api, string docs, string dashboard, string adminPasswordCommand);
}
