using System.Security.Cryptography;
using Aspire.Hosting.Publishing;

namespace Shop.AppHost;

/// <summary>
/// Generates a development token-signing key: a 2048-bit RSA private key as base64 PKCS#8, one line so it travels
/// as an environment variable. Deployments supply their own (the manifest asks for it, with no default).
/// </summary>
internal sealed class RsaSigningKeyDefault : ParameterDefault
{
    public override string GetDefaultValue()
    {
        using var rsa = RSA.Create(2048);
        return Convert.ToBase64String(rsa.ExportPkcs8PrivateKey());
    }

    public override void WriteToManifest(ManifestPublishingContext context)
    {
        // No default in a manifest: a deployment's signing key never comes from a generator in the build.
    }
}
