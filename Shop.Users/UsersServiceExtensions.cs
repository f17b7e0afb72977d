using Microsoft.AspNetCore.Identity;
using Shop.Users.Data;
using Shop.Users.Domain;
using Shop.Users.Tokens;

namespace Shop.Users;

public static class UsersServiceExtensions
{
    /// <summary>Token issuing, password hashing and the admin account; options are validated at startup.</summary>
    public static IHostApplicationBuilder AddUsersServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddValidatedSettings<AccessTokenOptions>(AccessTokenOptions.SectionName);
        builder.Services.AddValidatedSettings<AdminAccountOptions>(AdminAccountOptions.SectionName);

        builder.Services.AddSingleton<TokenSigningKey>();
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();

        return builder;
    }
}
