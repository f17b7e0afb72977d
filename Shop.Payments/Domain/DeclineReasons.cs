namespace Shop.Payments.Domain;

/// <summary>Why a charge was declined, in the processor's own words (Stripe's error codes).</summary>
public static class DeclineReasons
{
    public const string CardDeclined = "card_declined";
    public const string InsufficientFunds = "insufficient_funds";
    public const string InvalidToken = "invalid_token";
}
