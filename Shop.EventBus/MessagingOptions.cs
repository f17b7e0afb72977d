using System.ComponentModel.DataAnnotations;

namespace Shop.EventBus;

/// <summary>The event bus's settings (section <c>Messaging</c>); the defaults suit one developer machine.</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>Names the service's queue (<c>shop.{ServiceName}</c>); defaults to the application's name, e.g. <c>orders</c>.</summary>
    // Stryker disable once String : any other default fails the same validation; the initializer only satisfies nullable analysis
    [Required]
    [RegularExpression("^[a-z][a-z0-9-]{0,62}$")]
    public string ServiceName { get; set; } = string.Empty;

    /// <summary>The durable topic exchange every Shop event is published to.</summary>
    [Required]
    public string Exchange { get; set; } = "shop.events";

    /// <summary>How many unacknowledged messages the broker hands the service at once.</summary>
    [Range(1, 1000)]
    public int PrefetchCount { get; set; } = 32;

    /// <summary>How many messages the service handles at the same time.</summary>
    [Range(1, 64)]
    public int ConsumerConcurrency { get; set; } = 4;

    /// <summary>Attempts at handling one message before it goes to the dead-letter queue.</summary>
    [Range(1, 50)]
    public int MaxDeliveryAttempts { get; set; } = 5;

    /// <summary>The wait before the first retry; it doubles with every further attempt, up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often the relay looks for unsent events when nothing woke it. Every commit wakes its own relay, so this only
    /// bounds how long rows wait whose writer stopped right after committing them.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Events the relay publishes per database transaction.</summary>
    [Range(1, 10_000)]
    public int OutboxBatchSize { get; set; } = 100;

    /// <summary>The longest wait between relay attempts while the broker is unreachable.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan OutboxMaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long an outbox row is kept once the broker confirmed it. It plays no part in delivery any more; a day of
    /// them answers "was this event published, and when" during an incident (docs/messaging.md, "Retention").
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How long the id of a handled event is kept as the filter against its duplicates. A duplicate comes from a
    /// redelivery or a relay that republishes a row it could not mark sent, within the length of a broker or database
    /// outage; two days covers a weekend's outage with room to spare.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How often each instance deletes rows past their retention.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Rows deleted per statement (each its own short transaction), so a clean-up never holds locks for long.</summary>
    [Range(100, 100_000)]
    public int CleanupBatchSize { get; set; } = 5_000;

    public string QueueName => $"shop.{ServiceName}";

    public string DeadLetterQueueName => $"shop.{ServiceName}.dead-letters";
}
