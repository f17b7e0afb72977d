using Shop.Payments.Domain;

namespace Shop.UnitTests.Payments;

/// <summary>
/// An order's payment: AwaitingStock → Captured or Declined (the charge), AwaitingStock → Cancelled (never charged),
/// Captured → Refunded. Above all: never a charge after a cancel, never a refund without a capture.
/// </summary>
public sealed class PaymentRequestTests
{
    private const string Capture = "capture";
    private const string Decline = "decline";
    private const string Cancel = "cancel";
    private const string Refund = "refund";

    private static readonly DateTimeOffset CreatedAt = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = CreatedAt.AddMinutes(1);
    private static readonly Guid Order = new("0190a000-0000-7000-8000-0000000000a1");
    private static readonly Guid Customer = new("0190a000-0000-7000-8000-0000000000c1");

    public static TheoryData<PaymentRequestStatus, string> RefusedMoves
    {
        get
        {
            var data = new TheoryData<PaymentRequestStatus, string>();
            foreach (var status in Enum.GetValues<PaymentRequestStatus>())
            {
                foreach (var move in new[] { Capture, Decline, Cancel, Refund })
                {
                    if (!IsAllowed(status, move))
                    {
                        data.Add(status, move);
                    }
                }
            }

            return data;
        }
    }

    [Fact]
    public void A_request_waits_for_stock_with_what_payments_needs_to_charge()
    {
        var request = PaymentRequest.Create(Order, Customer, 25.00m, "eur", "tok_visa", CreatedAt);

        Assert.Equal(Order, request.OrderId);
        Assert.Equal(Customer, request.UserId);
        Assert.Equal(25.00m, request.Amount);
        Assert.Equal("EUR", request.Currency);
        Assert.Equal("tok_visa", request.PaymentToken);
        Assert.Equal(PaymentRequestStatus.AwaitingStock, request.Status);
        Assert.Equal(CreatedAt, request.CreatedAt);
        Assert.Equal(CreatedAt, request.UpdatedAt);
    }

    [Fact]
    public void The_amount_is_positive()
    {
        Assert.Equal(0.01m, PaymentRequest.Create(Order, Customer, 0.01m, "EUR", "tok_visa", CreatedAt).Amount);
        Assert.Throws<ArgumentOutOfRangeException>(() => PaymentRequest.Create(Order, Customer, 0m, "EUR", "tok_visa", CreatedAt));
        Assert.Throws<ArgumentOutOfRangeException>(() => PaymentRequest.Create(Order, Customer, -1m, "EUR", "tok_visa", CreatedAt));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void A_blank_currency_is_refused(string? currency) =>
        Assert.ThrowsAny<ArgumentException>(() => PaymentRequest.Create(Order, Customer, 1m, currency!, "tok_visa", CreatedAt));

    [Fact]
    public void A_missing_token_is_refused_but_an_empty_one_is_kept_for_the_processor_to_decline()
    {
        Assert.Throws<ArgumentNullException>(() => PaymentRequest.Create(Order, Customer, 1m, "EUR", null!, CreatedAt));
        Assert.Equal(string.Empty, PaymentRequest.Create(Order, Customer, 1m, "EUR", string.Empty, CreatedAt).PaymentToken);
    }

    [Theory]
    [InlineData(Capture, PaymentRequestStatus.Captured)]
    [InlineData(Decline, PaymentRequestStatus.Declined)]
    [InlineData(Cancel, PaymentRequestStatus.Cancelled)]
    public void A_request_awaiting_stock_is_charged_or_cancelled(string move, PaymentRequestStatus expected)
    {
        var request = New();

        Apply(request, move);

        Assert.Equal(expected, request.Status);
        Assert.Equal(Later, request.UpdatedAt);
        Assert.Equal(CreatedAt, request.CreatedAt);
    }

    [Fact]
    public void A_captured_request_can_be_refunded()
    {
        var request = In(PaymentRequestStatus.Captured);

        request.Refunded(Later);

        Assert.Equal(PaymentRequestStatus.Refunded, request.Status);
        Assert.Equal(Later, request.UpdatedAt);
    }

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void Any_other_move_is_refused_and_changes_nothing(PaymentRequestStatus from, string move)
    {
        var request = In(from);

        Assert.Throws<InvalidOperationException>(() => Apply(request, move));

        Assert.Equal(from, request.Status);
        Assert.Equal(CreatedAt, request.UpdatedAt);
    }

    [Fact]
    public void A_cancelled_request_is_never_charged_and_says_why()
    {
        var request = In(PaymentRequestStatus.Cancelled);

        var exception = Assert.Throws<InvalidOperationException>(() => Apply(request, Capture));

        Assert.Equal(
            $"The payment of order {Order} is Cancelled; only an AwaitingStock one can become Captured.", exception.Message);
    }

    [Fact]
    public void Recording_a_charge_needs_the_payment() =>
        Assert.Throws<ArgumentNullException>(() => New().Charged(null!, Later));

    private static bool IsAllowed(PaymentRequestStatus from, string move) => (from, move) switch
    {
        (PaymentRequestStatus.AwaitingStock, Capture or Decline or Cancel) => true,
        (PaymentRequestStatus.Captured, Refund) => true,
        _ => false,
    };

    private static PaymentRequest New() => PaymentRequest.Create(Order, Customer, 25.00m, "EUR", "tok_visa", CreatedAt);

    /// <summary>A request brought to <paramref name="status"/> the legal way, all at creation time.</summary>
    private static PaymentRequest In(PaymentRequestStatus status)
    {
        var request = New();
        switch (status)
        {
            case PaymentRequestStatus.AwaitingStock:
                break;
            case PaymentRequestStatus.Captured:
                request.Charged(PaymentOf(ChargeResult.Success), CreatedAt);
                break;
            case PaymentRequestStatus.Declined:
                request.Charged(PaymentOf(ChargeResult.Declined(DeclineReasons.CardDeclined)), CreatedAt);
                break;
            case PaymentRequestStatus.Cancelled:
                request.Cancel(CreatedAt);
                break;
            case PaymentRequestStatus.Refunded:
                request.Charged(PaymentOf(ChargeResult.Success), CreatedAt);
                request.Refunded(CreatedAt);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown payment request status.");
        }

        return request;
    }

    private static void Apply(PaymentRequest request, string move)
    {
        switch (move)
        {
            case Capture:
                request.Charged(PaymentOf(ChargeResult.Success), Later);
                break;
            case Decline:
                request.Charged(PaymentOf(ChargeResult.Declined(DeclineReasons.CardDeclined)), Later);
                break;
            case Cancel:
                request.Cancel(Later);
                break;
            case Refund:
                request.Refunded(Later);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(move), move, "Not a payment request move.");
        }
    }

    private static Payment PaymentOf(ChargeResult charge) =>
        Payment.FromCharge(Order, Customer, 25.00m, "EUR", charge, CreatedAt);
}
