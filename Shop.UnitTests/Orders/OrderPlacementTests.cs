using Shop.Orders.Domain;

namespace Shop.UnitTests.Orders;

/// <summary>What <see cref="Order.Place"/> accepts, each limit just inside and just outside, and what it records.</summary>
public sealed class OrderPlacementTests
{
    private static readonly DateTimeOffset PlacedAt = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Customer = new("0190a000-0000-7000-8000-0000000000c1");
    private static readonly string Hash = new('a', OrderRequestFingerprint.Length);

    [Fact]
    public void A_placed_order_records_the_request_and_starts_pending()
    {
        OrderLine[] lines = [Line(0, 12.50m, 2), Line(1, 4.00m, 3)];

        var order = Order.Place(Customer, lines, "EUR", "tok_visa", "key-1", Hash, PlacedAt);

        Assert.Equal(Customer, order.UserId);
        Assert.Equal(lines, order.Lines);
        Assert.Equal(37.00m, order.Total);
        Assert.Equal("EUR", order.Currency);
        Assert.Equal("tok_visa", order.PaymentToken);
        Assert.Equal("key-1", order.IdempotencyKey);
        Assert.Equal(Hash, order.RequestHash);
        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Null(order.CancellationReason);
        Assert.Equal(PlacedAt, order.CreatedAt);
        Assert.Equal(PlacedAt, order.UpdatedAt);
    }

    [Fact]
    public void The_order_id_is_a_version_7_guid_of_the_placement_time()
    {
        var order = Place();

        Assert.Equal(7, order.Id.Version);
        var first = Place(now: PlacedAt.AddMilliseconds(1));
        Assert.True(order.Id.CompareTo(first.Id) < 0, "Ids must sort by placement time.");
    }

    [Fact]
    public void Without_an_idempotency_key_none_is_recorded() => Assert.Null(Place(idempotencyKey: null).IdempotencyKey);

    [Theory]
    [InlineData(1)]
    [InlineData(Order.MaxLines)]
    public void From_one_to_the_maximum_number_of_lines_is_accepted(int count) =>
        Assert.Equal(count, Place(lines: Lines(count)).Lines.Count);

    [Theory]
    [InlineData(0)]
    [InlineData(Order.MaxLines + 1)]
    public void No_lines_or_too_many_lines_are_refused(int count) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Place(lines: Lines(count)));

    [Fact]
    public void Missing_lines_are_refused() =>
        Assert.Throws<ArgumentNullException>(() => Order.Place(Customer, null!, "EUR", "tok_visa", null, Hash, PlacedAt));

    [Theory]
    [InlineData("EU")]
    [InlineData("EURO")]
    public void A_currency_that_is_not_three_letters_is_refused(string currency) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Place(currency: currency));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_currency_is_refused(string? currency) =>
        Assert.ThrowsAny<ArgumentException>(() => Place(currency: currency!));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void A_blank_payment_token_is_refused(string? token) =>
        Assert.ThrowsAny<ArgumentException>(() => Place(paymentToken: token!));

    [Fact]
    public void A_payment_token_of_the_maximum_length_is_accepted_and_one_longer_is_refused()
    {
        Assert.Equal(Order.MaxPaymentTokenLength, Place(paymentToken: new string('t', Order.MaxPaymentTokenLength)).PaymentToken.Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => Place(paymentToken: new string('t', Order.MaxPaymentTokenLength + 1)));
    }

    [Fact]
    public void An_idempotency_key_of_the_maximum_length_is_accepted_and_one_longer_is_refused()
    {
        Assert.Equal(Order.MaxIdempotencyKeyLength, Place(idempotencyKey: new string('k', Order.MaxIdempotencyKeyLength)).IdempotencyKey!.Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => Place(idempotencyKey: new string('k', Order.MaxIdempotencyKeyLength + 1)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void A_blank_request_hash_is_refused(string? hash) =>
        Assert.ThrowsAny<ArgumentException>(() => Order.Place(Customer, Lines(1), "EUR", "tok_visa", null, hash!, PlacedAt));

    private static Order Place(
        IReadOnlyList<OrderLine>? lines = null,
        string currency = "EUR",
        string paymentToken = "tok_visa",
        string? idempotencyKey = "key-1",
        DateTimeOffset? now = null) =>
        Order.Place(
            Customer,
            lines ?? Lines(1),
            currency,
            paymentToken,
            idempotencyKey,
            Hash,
            now ?? PlacedAt);

    private static OrderLine[] Lines(int count) => [.. Enumerable.Range(0, count).Select(number => Line(number, 1.00m, 1))];

    private static OrderLine Line(int number, decimal unitPrice, int quantity) =>
        new(number, Guid.CreateVersion7(PlacedAt), $"Product {number}", unitPrice, quantity);
}
