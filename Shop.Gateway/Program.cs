using Shop.Gateway.Edge;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Tokens are checked at the door (keys from the users service's JWKS); each route in appsettings.json names its
// policy, "anonymous" or "default" (signed in). Services check again: defence in depth.
builder.AddShopAuthentication();
builder.AddSelfRequestWarmUp(GatewayWarmUp.Requests);

// Only the proxies in ForwardedHeaders:TrustedProxies may name the client's address and scheme (none by default).
builder.AddGatewayForwardedHeaders();
builder.AddGatewayEdgeHeaders();
builder.AddGatewayHeaderEncoding();

// Rate limits, CORS and the body limit come from configuration; routes choose their rate limit and timeout in
// ReverseProxy:Routes (docs/gateway.md).
builder.AddGatewayRateLimiting();
builder.AddGatewayCors();
builder.AddGatewayRequestBodyLimit();
builder.Services.AddRequestTimeouts();

// Routes and clusters live in appsettings.json so operators change them without code; destinations are logical
// service names ("http://orders") that service discovery resolves to every instance, never ports.
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    .AddServiceDiscoveryDestinationResolver()
    .RemoveUntrustedRequestHeaders(builder.Configuration)
    .ForwardHeadersByteForByte();

var app = builder.Build();

app.UseGatewayForwardedHeaders();
app.UseGatewayEdgeHeaders();
app.UseTraceIdHeader();
app.MapDefaultEndpoints();
app.UseHeaderValidation();
app.UseGatewayRequestBodyLimit();
app.UseCors();
app.UseShopAuthentication();
app.UseRequestTimeouts();
app.UseRateLimiter();

app.MapApiReference();
app.MapReverseProxy(proxy =>
{
    proxy.UseForwarderProblemDetails();
    proxy.UseForwarderRetry();
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});

app.RunWithValidatedSettings();
