namespace Shop.Payments.Domain;

/// <summary>
/// A simulated card processor that answers Stripe's test tokens the way Stripe does, so the whole payment flow,
/// declines included, can be exercised without a real processor. Anything else, including strings that are not
/// tokens at all, is an invalid token.
/// </summary>
public static class CardProcessor
{
    public static ChargeResult Charge(string? paymentToken) => paymentToken switch
    {
        "tok_visa" or "tok_mastercard" => ChargeResult.Success,
        "tok_chargeDeclined" => ChargeResult.Declined(DeclineReasons.CardDeclined),
        "tok_insufficientFunds" => ChargeResult.Declined(DeclineReasons.InsufficientFunds),
        _ => ChargeResult.Declined(DeclineReasons.InvalidToken),
    };
}
