using Shop.Orders.Domain;

namespace Shop.UnitTests.Orders;

public sealed class OrderRequestFingerprintTests
{
    private static readonly Guid Mug = new("0190a000-0000-7000-8000-000000000001");
    private static readonly Guid Sticker = new("0190a000-0000-7000-8000-000000000002");

    [Fact]
    public void Canonical_form_lists_the_lines_in_request_order_then_the_payment_token()
    {
        var form = OrderRequestFingerprint.CanonicalForm(Request((Mug, 2), (Sticker, 1)));

        Assert.Equal(
            "v1\n0190a000-0000-7000-8000-000000000001:2\n0190a000-0000-7000-8000-000000000002:1\ntoken:tok_visa_4242",
            form);
    }

    [Fact]
    public void The_hash_is_the_lowercase_hex_sha256_of_the_canonical_form()
    {
        // Pinned: changing the canonical form would make replays of keys stored before the change look like new requests.
        var hash = OrderRequestFingerprint.Compute(Request((Mug, 2), (Sticker, 1)));

        Assert.Equal("e87efa5013adbd06b1c9cbb4dde6b808a71a4820061ab33b7324c6b8b731052c", hash);
        Assert.Equal(OrderRequestFingerprint.Length, hash.Length);
    }

    [Fact]
    public void The_same_request_sent_twice_has_the_same_hash() =>
        Assert.Equal(
            OrderRequestFingerprint.Compute(Request((Mug, 2), (Sticker, 1))),
            OrderRequestFingerprint.Compute(Request((Mug, 2), (Sticker, 1))));

    [Fact]
    public void Reordered_lines_are_a_different_request() =>
        Assert.NotEqual(
            OrderRequestFingerprint.Compute(Request((Mug, 2), (Sticker, 1))),
            OrderRequestFingerprint.Compute(Request((Sticker, 1), (Mug, 2))));

    [Fact]
    public void A_different_quantity_is_a_different_request() =>
        Assert.NotEqual(
            OrderRequestFingerprint.Compute(Request((Mug, 2))),
            OrderRequestFingerprint.Compute(Request((Mug, 3))));

    [Fact]
    public void A_different_payment_token_is_a_different_request() =>
        Assert.NotEqual(
            OrderRequestFingerprint.Compute(Request((Mug, 2))),
            OrderRequestFingerprint.Compute(Request("tok_mastercard_4444", (Mug, 2))));

    [Fact]
    public void The_hash_does_not_reveal_the_payment_token() =>
        Assert.DoesNotContain("tok_visa_4242", OrderRequestFingerprint.Compute(Request((Mug, 2))), StringComparison.Ordinal);

    [Fact]
    public void A_missing_request_is_an_argument_error() =>
        Assert.Throws<ArgumentNullException>(() => OrderRequestFingerprint.Compute(null!));

    private static OrderRequest Request(params (Guid ProductId, int Quantity)[] lines) => Request("tok_visa_4242", lines);

    private static OrderRequest Request(string paymentToken, params (Guid ProductId, int Quantity)[] lines) =>
        new([.. lines.Select(line => new RequestedLine(line.ProductId, line.Quantity))], paymentToken);
}
