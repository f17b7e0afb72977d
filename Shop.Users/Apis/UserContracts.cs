namespace Shop.Users.Apis;

public sealed record RegisterUserRequest(string? Email, string? Password, string? DisplayName);

public sealed record TokenRequest(string? Email, string? Password);

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);

public sealed record UserResponse(Guid Id, string Email, string DisplayName, string Role);
