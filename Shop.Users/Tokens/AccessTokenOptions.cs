using System.ComponentModel.DataAnnotations;

namespace Shop.Users.Tokens;

/// <summary>Configuration section <c>Jwt</c>; the AppHost passes the key from its <c>jwt-signing-key</c> secret parameter.</summary>
public sealed class AccessTokenOptions
{
    public const string SectionName = "Jwt";

    /// <summary>RSA private key, base64 PKCS#8 (one line, so it travels as an environment variable).</summary>
    [Required]
    [RsaPrivateKey]
    public string SigningKey { get; set; } = string.Empty;

    [Range(1, 24 * 60)]
    public int LifetimeMinutes { get; set; } = 60;
}
