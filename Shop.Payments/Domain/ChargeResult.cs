namespace Shop.Payments.Domain;

/// <summary>What the card processor answered: success, or a decline with its reason.</summary>
public sealed record ChargeResult(bool Succeeded, string? DeclineReason)
{
    public static ChargeResult Success { get; } = new(true, null);

    public static ChargeResult Declined(string reason) => new(false, reason);
}
