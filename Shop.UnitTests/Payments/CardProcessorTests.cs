using Shop.Payments.Domain;

namespace Shop.UnitTests.Payments;

public sealed class CardProcessorTests
{
    [Theory]
    [InlineData("tok_visa", true, null)]
    [InlineData("tok_mastercard", true, null)]
    [InlineData("tok_chargeDeclined", false, DeclineReasons.CardDeclined)]
    [InlineData("tok_insufficientFunds", false, DeclineReasons.InsufficientFunds)]
    [InlineData("tok_amex", false, DeclineReasons.InvalidToken)]
    [InlineData("tok_", false, DeclineReasons.InvalidToken)]
    [InlineData("TOK_VISA", false, DeclineReasons.InvalidToken)]
    [InlineData("visa", false, DeclineReasons.InvalidToken)]
    [InlineData("4242424242424242", false, DeclineReasons.InvalidToken)]
    [InlineData("", false, DeclineReasons.InvalidToken)]
    [InlineData(null, false, DeclineReasons.InvalidToken)]
    public void Each_test_token_gets_the_processor_answer_it_stands_for(string? token, bool succeeds, string? declineReason)
    {
        var result = CardProcessor.Charge(token);

        Assert.Equal(succeeds, result.Succeeded);
        Assert.Equal(declineReason, result.DeclineReason);
    }
}
