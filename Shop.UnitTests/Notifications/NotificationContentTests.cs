using System.Globalization;
using Shop.Notifications.Domain;

namespace Shop.UnitTests.Notifications;

/// <summary>What users read: the wording of each notification.</summary>
public sealed class NotificationContentTests
{
    private static readonly Guid Order = new("0190a000-0000-7000-8000-0000000000a1");

    [Fact]
    public void The_welcome_greets_the_user_by_name_and_names_the_account() =>
        Assert.Equal(
            new NotificationContent(NotificationType.Welcome, "Welcome to Shop", "Hello Ada, your account ada@example.com is ready."),
            NotificationContent.Welcome("Ada", "ada@example.com"));

    [Fact]
    public void A_confirmation_states_the_amount_charged_with_two_decimals_in_any_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            Assert.Equal(
                new NotificationContent(
                    NotificationType.OrderConfirmed,
                    "Your order is confirmed",
                    $"Order {Order} is confirmed: 1234.50 EUR was charged."),
                NotificationContent.OrderConfirmed(Order, 1234.5m, "EUR"));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData("OutOfStock", "some items are out of stock")]
    [InlineData("PaymentDeclined", "the payment was declined")]
    [InlineData("CancelledByCustomer", "you cancelled it")]
    [InlineData("LostInTransit", "LostInTransit")]
    public void A_cancellation_says_why_in_words_and_shows_an_unknown_reason_as_it_is(string reason, string words) =>
        Assert.Equal(
            new NotificationContent(
                NotificationType.OrderCancelled,
                "Your order was cancelled",
                $"Order {Order} was cancelled ({words}). Anything charged is refunded."),
            NotificationContent.OrderCancelled(Order, reason));
}
