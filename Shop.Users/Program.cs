using Shop.Users.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDbContext<UsersDbContext>(UsersDbContext.ConnectionName);
builder.AddDatabaseMigrations<UsersDbContext>();
builder.AddMessaging();
builder.AddDefaultOpenApi("Shop Users API");

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapDefaultOpenApi();

app.Run();
