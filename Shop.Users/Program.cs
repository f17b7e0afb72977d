using Shop.Users;
using Shop.Users.Apis;
using Shop.Users.Data;
using Shop.Users.Tokens;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddShopDbContext<UsersDbContext>(UsersDbContext.ConnectionName);
builder.AddDatabaseMigrations<UsersDbContext>(AdminAccountSeed.ApplyAsync);
builder.AddEventBus<UsersDbContext>().AddOutbox();
builder.AddUsersServices();
// The issuer validates its own tokens with its own key instead of fetching its JWKS over HTTP.
builder.AddShopAuthentication(services => services.GetRequiredService<TokenSigningKey>().PublicKey);
builder.AddDefaultOpenApi("Shop Users API", UsersOpenApi.Constrain);
builder.AddSelfRequestWarmUp(UsersApi.WarmUpRequests);

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseShopAuthentication();
app.MapDefaultOpenApi();
app.MapUsersApi();
app.MapAuthApi();
app.MapSigningKeysApi();

app.RunWithValidatedSettings();
