using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shop.ServiceDefaults.Authentication;
using Shop.ServiceDefaults.WarmUp;

namespace Shop.UnitTests.ServiceDefaults;

/// <summary>
/// The warm-up signs its own requests with a key made in the process; a token it signed must pass the service's real
/// token validation while the warm-up runs, and fail once the service is warm.
/// </summary>
public sealed class WarmUpSigningKeyTests
{
    [Fact]
    public async Task A_warm_up_token_is_accepted_while_warming_up_and_refused_once_warm()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        using var issuerKey = System.Security.Cryptography.RSA.Create(2048);
        builder.Services.AddServiceDiscovery();
        builder.AddShopAuthentication(_ => new RsaSecurityKey(issuerKey));
        using var host = builder.Build();
        var parameters = host.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme).TokenValidationParameters;
        var token = host.Services.GetRequiredService<WarmUpSigningKey>().CreateCustomerToken(Guid.NewGuid());
        var handler = new JsonWebTokenHandler();

        Assert.True((await handler.ValidateTokenAsync(token, parameters)).IsValid);

        var warmUp = host.Services.GetRequiredService<WarmUpRunner>();
        await warmUp.StartAsync(CancellationToken.None);
        await warmUp.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(warmUp.IsDone);

        var afterwards = await handler.ValidateTokenAsync(token, parameters);
        Assert.False(afterwards.IsValid);
        Assert.IsType<SecurityTokenSignatureKeyNotFoundException>(afterwards.Exception);
    }
}
