using Shop.Orders.Apis;
using Shop.ServiceDefaults.Http;

namespace Shop.UnitTests.Orders;

public sealed class PlaceOrderRequestTests
{
    private static readonly PlaceOrderRequest Valid = new([new PlaceOrderLine(Guid.NewGuid(), 1)], "tok_visa");

    [Theory]
    [InlineData("key-1", true)]
    [InlineData("!~", true)]
    [InlineData("with space", false)]
    [InlineData("key\n", false)]
    [InlineData("clé", false)]
    public void An_idempotency_key_is_visible_ASCII(string key, bool valid)
    {
        var errors = new ValidationErrors();

        Valid.Validate(key, errors);

        Assert.Equal(valid, errors.IsEmpty);
    }

    [Fact]
    public void A_payment_token_with_a_trailing_newline_is_refused()
    {
        var errors = new ValidationErrors();

        (Valid with { PaymentToken = "tok_visa\n" }).Validate(null, errors);

        Assert.Contains("paymentToken", errors.ToDictionary().Keys);
    }
}
