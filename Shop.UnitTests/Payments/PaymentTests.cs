using Shop.Payments.Domain;

namespace Shop.UnitTests.Payments;

/// <summary>Payment rows: one per charge answer, and a refund as a row of its own that only a capture can have.</summary>
public sealed class PaymentTests
{
    private static readonly DateTimeOffset ChargedAt = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset RefundedAt = ChargedAt.AddMinutes(3);
    private static readonly Guid Order = new("0190a000-0000-7000-8000-0000000000a1");
    private static readonly Guid Customer = new("0190a000-0000-7000-8000-0000000000c1");

    [Fact]
    public void A_successful_charge_is_a_capture_without_a_reason()
    {
        var payment = Payment.FromCharge(Order, Customer, 25.00m, "EUR", ChargeResult.Success, ChargedAt);

        Assert.Equal(7, payment.Id.Version);
        Assert.Equal(Order, payment.OrderId);
        Assert.Equal(Customer, payment.UserId);
        Assert.Equal(25.00m, payment.Amount);
        Assert.Equal("EUR", payment.Currency);
        Assert.Equal(PaymentStatus.Captured, payment.Status);
        Assert.Null(payment.Reason);
        Assert.Equal(ChargedAt, payment.CreatedAt);
    }

    [Fact]
    public void A_declined_charge_keeps_the_processor_s_reason()
    {
        var payment = Payment.FromCharge(
            Order, Customer, 25.00m, "EUR", ChargeResult.Declined(DeclineReasons.InsufficientFunds), ChargedAt);

        Assert.Equal(PaymentStatus.Declined, payment.Status);
        Assert.Equal(DeclineReasons.InsufficientFunds, payment.Reason);
    }

    [Fact]
    public void A_charge_needs_the_processor_s_answer() =>
        Assert.Throws<ArgumentNullException>(() => Payment.FromCharge(Order, Customer, 1m, "EUR", null!, ChargedAt));

    [Fact]
    public void A_refund_gives_back_the_captured_money_in_a_row_of_its_own()
    {
        var capture = Capture();

        var refund = Payment.RefundOf(capture, RefundedAt);

        Assert.NotEqual(capture.Id, refund.Id);
        Assert.Equal(7, refund.Id.Version);
        Assert.Equal(Order, refund.OrderId);
        Assert.Equal(Customer, refund.UserId);
        Assert.Equal(capture.Amount, refund.Amount);
        Assert.Equal(capture.Currency, refund.Currency);
        Assert.Equal(PaymentStatus.Refunded, refund.Status);
        Assert.Null(refund.Reason);
        Assert.Equal(RefundedAt, refund.CreatedAt);
        Assert.Equal(PaymentStatus.Captured, capture.Status);
    }

    [Fact]
    public void Only_a_capture_can_be_refunded()
    {
        var declined = Payment.FromCharge(Order, Customer, 25.00m, "EUR", ChargeResult.Declined(DeclineReasons.CardDeclined), ChargedAt);
        var refund = Payment.RefundOf(Capture(), RefundedAt);

        var exception = Assert.Throws<ArgumentException>(() => Payment.RefundOf(declined, RefundedAt));
        Assert.Throws<ArgumentException>(() => Payment.RefundOf(refund, RefundedAt));

        Assert.Equal("capture", exception.ParamName);
        Assert.StartsWith($"Only a capture can be refunded; payment {declined.Id} is Declined.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refund_needs_the_capture() =>
        Assert.Throws<ArgumentNullException>(() => Payment.RefundOf(null!, RefundedAt));

    [Fact]
    public void Success_and_declines_are_told_apart_by_the_result()
    {
        Assert.Equal(new ChargeResult(true, null), ChargeResult.Success);
        Assert.Equal(new ChargeResult(false, "card_declined"), ChargeResult.Declined("card_declined"));
    }

    private static Payment Capture() => Payment.FromCharge(Order, Customer, 25.00m, "EUR", ChargeResult.Success, ChargedAt);
}
