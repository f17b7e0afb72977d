using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Shop.Users.Tokens;

/// <summary>The RSA key tokens are signed with; only its public half ever leaves this service (JWKS).</summary>
public sealed class TokenSigningKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create();

    public TokenSigningKey(IOptions<AccessTokenOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Validated at start (AccessTokenOptions), so the key imports.
        _rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(options.Value.SigningKey), out _);

        var publicKey = new RsaSecurityKey(_rsa.ExportParameters(includePrivateParameters: false));
        var keyId = Base64UrlEncoder.Encode(publicKey.ComputeJwkThumbprint());
        publicKey.KeyId = keyId;

        PublicKey = publicKey;
        Credentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = keyId }, SecurityAlgorithms.RsaSha256);
        PublicJsonWebKey = JsonWebKeyConverter.ConvertFromRSASecurityKey(publicKey);
        PublicJsonWebKey.Use = JsonWebKeyUseNames.Sig;
        PublicJsonWebKey.Alg = SecurityAlgorithms.RsaSha256;
    }

    public SigningCredentials Credentials { get; }

    public RsaSecurityKey PublicKey { get; }

    public JsonWebKey PublicJsonWebKey { get; }

    public void Dispose() => _rsa.Dispose();
}
