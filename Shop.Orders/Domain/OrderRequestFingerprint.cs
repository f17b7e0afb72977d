using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Shop.Orders.Domain;

/// <summary>
/// Identifies an order request's content, so a replayed <c>Idempotency-Key</c> can be told apart from the same key
/// reused for a different order. Lines keep the request's order: a reordered request is a different request.
/// </summary>
public static class OrderRequestFingerprint
{
    /// <summary>Length of <see cref="Compute"/>'s result (SHA-256 as lower-case hex).</summary>
    public const int Length = 64;

    // The version prefix lets the form change later without old hashes matching new requests by accident.
    private const string Version = "v1";

    /// <summary>One line per item (<c>productId:quantity</c>) after the version, then the payment token.</summary>
    public static string CanonicalForm(OrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        var form = new StringBuilder(Version).Append('\n');
        foreach (var line in request.Lines)
        {
            form.Append(CultureInfo.InvariantCulture, $"{line.ProductId:D}:{line.Quantity}\n");
        }

        return form.Append("token:").Append(request.PaymentToken).ToString();
    }

    public static string Compute(OrderRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalForm(request))));
}
