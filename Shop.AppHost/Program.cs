using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shop.AppHost.Services;

var builder = DistributedApplication.CreateBuilder(args);

// Aspire polls every resource's health checks, and the health-check service logs each one that is not healthy yet at
// Error, every few seconds, while the resource is still starting. Starting is not an error; the dashboard shows each
// resource's health, and tests and WaitFor read it from there.
builder.Services.AddLogging(logging => logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.None));

// On Ctrl+C the services get their SIGTERM at once, and their servers as soon as they have exited (ServicesFirstStop).
builder.StopServicesFirst();

// Containers when a container runtime answers, otherwise the machine's own PostgreSQL and RabbitMQ
// (see Infrastructure/ and docs/architecture.md). Services cannot tell the difference. Each service logs in to both with
// credentials of its own that reach only its database and its queues (docs/security.md).
var postgres = builder.AddShopPostgres("postgres");
var messaging = builder.AddShopRabbitMQ("messaging");

var tokenSigningKey = builder.AddSigningKeyParameter("jwt-signing-key");
var adminPassword = builder.AddGeneratedPassword("admin-password");

// Users issues tokens; the gateway and every other service reference it to fetch its public keys (JWKS) by service discovery.
// Orders and inventory run several instances in run mode (Shop:Replicas); see ShopService.
var users = builder.AddShopService<Projects.Shop_Users>("users", postgres.AddShopDatabase("usersdb", owner: "users"), messaging)
    .WithEnvironment("Jwt__SigningKey", tokenSigningKey)
    .WithEnvironment("Admin__Password", adminPassword);
var inventory = builder.AddShopService<Projects.Shop_Inventory>("inventory", postgres.AddShopDatabase("inventorydb", owner: "inventory"), messaging)
    .WithReference(users);
var orders = builder.AddShopService<Projects.Shop_Orders>("orders", postgres.AddShopDatabase("ordersdb", owner: "orders"), messaging)
    .WithReference(users)
    .WithReference(inventory);
var payments = builder.AddShopService<Projects.Shop_Payments>("payments", postgres.AddShopDatabase("paymentsdb", owner: "payments"), messaging)
    .WithReference(users);
var notifications = builder.AddShopService<Projects.Shop_Notifications>("notifications", postgres.AddShopDatabase("notificationsdb", owner: "notifications"), messaging)
    .WithReference(users);

builder.AddProject<Projects.Shop_Gateway>("gateway")
    .WithBuildOutputLaunch()
    .WithPlainHttp()
    .WithOtlpOnlyToDashboard()
    .WithGatewayEndpoints()
    .WithGatewayConfiguration()
    .WithReadyBanner()
    .WithStartupTimeline()
    .WithReference(users).WaitFor(users)
    .WithReference(inventory).WaitFor(inventory)
    .WithReference(orders).WaitFor(orders)
    .WithReference(payments).WaitFor(payments)
    .WithReference(notifications).WaitFor(notifications);

builder.Build().Run();
