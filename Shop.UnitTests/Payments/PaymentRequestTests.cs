using Shop.Payments.Domain;

namespace Shop.UnitTests.Payments;

/// <summary>
/// An order's payment: AwaitingStock (OrderPlaced first) or AwaitingOrder (StockReserved first, charged once its order
/// arrives) → Captured or Declined (the charge), → Cancelled (never charged), Captured → Refunded. Above all: never a
/// charge after a cancel or without the order's amount, never a refund without a capture.
/// </summary>
public sealed class PaymentRequestTests
{
    private const string Capture = "capture";
    private const string Decline = "decline";
    private const string Cancel = "cancel";
    private const string Refund = "refund";
    private const string OrderArrives = "order arrives";

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
                foreach (var move in new[] { Capture, Decline, Cancel, Refund, OrderArrives })
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
    public void A_request_created_by_StockReserved_knows_only_who_pays_until_its_order_arrives()
    {
        var request = PaymentRequest.StockReservedFirst(Order, Customer, CreatedAt);

        Assert.Equal((Order, Customer, PaymentRequestStatus.AwaitingOrder), (request.OrderId, request.UserId, request.Status));
        Assert.Null(request.Amount);
        Assert.Null(request.Currency);
        Assert.Null(request.PaymentToken);
        Assert.False(request.IsReadyToCharge);
        Assert.Equal(CreatedAt, request.UpdatedAt);

        request.OrderArrived(25.00m, "eur", "tok_visa", Later);

        Assert.Equal((25.00m, "EUR", "tok_visa"), (request.Amount, request.Currency, request.PaymentToken));
        Assert.Equal(PaymentRequestStatus.AwaitingOrder, request.Status);
        Assert.True(request.IsReadyToCharge);
        Assert.Equal(Later, request.UpdatedAt);
    }

    [Theory]
    [InlineData(Capture, PaymentRequestStatus.Captured)]
    [InlineData(Decline, PaymentRequestStatus.Declined)]
    [InlineData(Cancel, PaymentRequestStatus.Cancelled)]
    public void A_request_whose_order_arrived_after_the_stock_is_charged_or_cancelled(string move, PaymentRequestStatus expected)
    {
        var request = PaymentRequest.StockReservedFirst(Order, Customer, CreatedAt);
        request.OrderArrived(25.00m, "EUR", "tok_visa", CreatedAt);

        Apply(request, move);

        Assert.Equal(expected, request.Status);
        Assert.Equal(Later, request.UpdatedAt);
    }

    [Fact]
    public void The_order_that_arrives_late_is_checked_like_one_that_comes_first()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PaymentRequest.StockReservedFirst(Order, Customer, CreatedAt).OrderArrived(0m, "EUR", "tok_visa", Later));
        Assert.ThrowsAny<ArgumentException>(() => PaymentRequest.StockReservedFirst(Order, Customer, CreatedAt).OrderArrived(1m, " ", "tok_visa", Later));
        Assert.Throws<ArgumentNullException>(() => PaymentRequest.StockReservedFirst(Order, Customer, CreatedAt).OrderArrived(1m, "EUR", null!, Later));
    }

    [Fact]
    public void A_request_created_by_OrderCancelled_is_cancelled_and_never_charged()
    {
        var request = PaymentRequest.CancelledFirst(Order, Customer, CreatedAt);

        Assert.Equal((Order, Customer, PaymentRequestStatus.Cancelled), (request.OrderId, request.UserId, request.Status));
        Assert.False(request.IsReadyToCharge);
        Assert.Throws<InvalidOperationException>(() => Apply(request, Capture));
        Assert.Throws<InvalidOperationException>(() => Apply(request, OrderArrives));
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

        Assert.Equal($"The payment of order {Order} is Cancelled; it cannot be charged.", exception.Message);
    }

    [Fact]
    public void A_request_still_without_its_order_is_never_charged_and_says_why()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Apply(In(PaymentRequestStatus.AwaitingOrder), Capture));

        Assert.Equal($"The payment of order {Order} is AwaitingOrder without its order; it cannot be charged.", exception.Message);
    }

    [Fact]
    public void Refusals_name_the_status_they_found()
    {
        Assert.Equal(
            $"The payment of order {Order} is Declined; only one awaiting its stock or order can be cancelled.",
            Assert.Throws<InvalidOperationException>(() => In(PaymentRequestStatus.Declined).Cancel(Later)).Message);
        Assert.Equal(
            $"The payment of order {Order} is AwaitingStock; only a Captured one can be refunded.",
            Assert.Throws<InvalidOperationException>(() => New().Refunded(Later)).Message);
        Assert.Equal(
            $"The payment of order {Order} is AwaitingStock and already has its order.",
            Assert.Throws<InvalidOperationException>(() => New().OrderArrived(1m, "EUR", "tok_visa", Later)).Message);
    }

    [Fact]
    public void Recording_a_charge_needs_the_payment() =>
        Assert.Throws<ArgumentNullException>(() => New().Charged(null!, Later));

    private static bool IsAllowed(PaymentRequestStatus from, string move) => (from, move) switch
    {
        (PaymentRequestStatus.AwaitingStock, Capture or Decline or Cancel) => true,
        (PaymentRequestStatus.AwaitingOrder, Cancel or OrderArrives) => true,
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
            case PaymentRequestStatus.AwaitingOrder:
                return PaymentRequest.StockReservedFirst(Order, Customer, CreatedAt);
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
            case OrderArrives:
                request.OrderArrived(25.00m, "EUR", "tok_visa", Later);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(move), move, "Not a payment request move.");
        }
    }

    private static Payment PaymentOf(ChargeResult charge) =>
        Payment.FromCharge(Order, Customer, 25.00m, "EUR", charge, CreatedAt);
}
