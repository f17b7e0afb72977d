using Microsoft.AspNetCore.OpenApi;
using Shop.ServiceDefaults.OpenApi;
using Shop.Users.Domain;

namespace Shop.Users.Apis;

/// <summary>The users API's validation rules in its OpenAPI document, from the constants <see cref="Registration"/> checks.</summary>
internal static class UsersOpenApi
{
    public static void Constrain(OpenApiOptions options)
    {
        options.ConstrainProperty<RegisterUserRequest>("email", OpenApiConstraints.All(OpenApiConstraints.Format("email"), OpenApiConstraints.Length(3, User.MaxEmailLength)));
        options.ConstrainProperty<RegisterUserRequest>("password", OpenApiConstraints.Length(Registration.MinPasswordLength, Registration.MaxPasswordLength));
        options.ConstrainProperty<RegisterUserRequest>("displayName", OpenApiConstraints.Length(1, User.MaxDisplayNameLength));

        // Sign-in checks only presence: any other wrong value is the same 401 as a wrong password.
        options.ConstrainProperty<TokenRequest>("email", OpenApiConstraints.NotEmpty);
        options.ConstrainProperty<TokenRequest>("password", OpenApiConstraints.NotEmpty);
    }
}
