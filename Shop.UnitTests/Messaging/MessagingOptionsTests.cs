using System.ComponentModel.DataAnnotations;
using Shop.EventBus;

namespace Shop.UnitTests.Messaging;

/// <summary>The bus's settings: the queue names derived from the service, and what validation lets through.</summary>
public sealed class MessagingOptionsTests
{
    [Fact]
    public void The_queues_are_named_after_the_service()
    {
        var options = new MessagingOptions { ServiceName = "orders" };

        Assert.Equal("shop.orders", options.QueueName);
        Assert.Equal("shop.orders.dead-letters", options.DeadLetterQueueName);
    }

    [Fact]
    public void The_defaults_are_valid_once_the_service_is_named() =>
        Assert.Empty(Validate(new MessagingOptions { ServiceName = "orders" }));

    [Theory]
    [InlineData("")]
    [InlineData("Orders")]
    [InlineData("1orders")]
    [InlineData("orders.v2")]
    public void A_service_name_that_cannot_name_a_queue_is_refused(string serviceName) =>
        Assert.Contains(nameof(MessagingOptions.ServiceName), Validate(new MessagingOptions { ServiceName = serviceName }));

    [Fact]
    public void Settings_outside_their_range_are_refused()
    {
        var options = new MessagingOptions
        {
            ServiceName = "orders",
            PrefetchCount = 0,
            ConsumerConcurrency = 65,
            MaxDeliveryAttempts = 0,
            OutboxPollInterval = TimeSpan.Zero,
            OutboxRetention = TimeSpan.FromSeconds(59),
            InboxRetention = TimeSpan.FromSeconds(59),
            CleanupInterval = TimeSpan.FromSeconds(4),
            CleanupBatchSize = 99,
        };

        Assert.Equal(
            [
                nameof(MessagingOptions.CleanupBatchSize), nameof(MessagingOptions.CleanupInterval),
                nameof(MessagingOptions.ConsumerConcurrency), nameof(MessagingOptions.InboxRetention), nameof(MessagingOptions.MaxDeliveryAttempts),
                nameof(MessagingOptions.OutboxPollInterval), nameof(MessagingOptions.OutboxRetention), nameof(MessagingOptions.PrefetchCount),
            ],
            Validate(options).Order(StringComparer.Ordinal));
    }

    private static string[] Validate(MessagingOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.SelectMany(result => result.MemberNames)];
    }
}
