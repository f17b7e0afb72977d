using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;

namespace Shop.Users.Tokens;

/// <summary>
/// The value is an RSA private key in base64 PKCS#8. Checked at start, so a bad secret stops the service instead of
/// failing every request that needs the key. An empty value is left to <see cref="RequiredAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RsaPrivateKeyAttribute() : ValidationAttribute("must be an RSA private key in base64 PKCS#8.")
{
    public override bool IsValid(object? value)
    {
        if (value is not string { Length: > 0 } key)
        {
            return true;
        }

        using var rsa = RSA.Create();
        try
        {
            rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(key), out _);
            return true;
        }
        catch (Exception exception) when (exception is FormatException or CryptographicException)
        {
            return false;
        }
    }
}
