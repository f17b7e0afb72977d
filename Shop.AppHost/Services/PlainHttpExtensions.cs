namespace Aspire.Hosting;

public static class PlainHttpExtensions
{
    /// <summary>
    /// Shop's processes speak plain HTTP on loopback in run mode (TLS ends in front of the gateway in a deployment).
    /// Aspire 13.5 and later give every project the HTTPS development certificate by default; on a machine where that
    /// certificate is not trusted (any fresh Linux) it then logs a warning and the dashboard shows a red "No trusted
    /// development certificate" banner on every page, for a certificate nothing here uses.
    /// </summary>
    public static IResourceBuilder<T> WithPlainHttp<T>(this IResourceBuilder<T> resource)
        where T : IResourceWithEnvironment, IResourceWithArgs
    {
        ArgumentNullException.ThrowIfNull(resource);

#pragma warning disable ASPIRECERTIFICATES001 // Experimental, and the only switch for this default.
        return resource.WithoutHttpsCertificate();
#pragma warning restore ASPIRECERTIFICATES001
    }
}
