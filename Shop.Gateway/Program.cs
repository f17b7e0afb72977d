using Shop.Gateway.Edge;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Tokens are checked at the door (keys from the users service's JWKS); each route in appsettings.json names its
// policy, "anonymous" or "default" (signed in). Services check again: defence in depth.
builder.AddShopAuthentication();

// Routes and clusters live in appsettings.json so operators change them without code; destinations are logical
// service names ("http://orders") that service discovery resolves, never ports.
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    .AddServiceDiscoveryDestinationResolver();

var app = builder.Build();

app.UseTraceIdHeader();
app.MapDefaultEndpoints();
app.UseShopAuthentication();
app.MapReverseProxy();

app.Run();
