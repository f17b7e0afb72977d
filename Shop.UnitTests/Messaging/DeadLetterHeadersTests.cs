using System.Text;
using Shop.EventBus.DeadLetters;

namespace Shop.UnitTests.Messaging;

/// <summary>What a dead letter carries about its failure, and what a replay keeps of it.</summary>
public sealed class DeadLetterHeadersTests
{
    private static readonly DateTimeOffset FailedAt = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_failure_records_the_error_time_attempts_and_routing_key_next_to_the_original_headers()
    {
        var original = new Dictionary<string, object?> { ["traceparent"] = "00-abc-def-01" };

        var headers = DeadLetterHeaders.ForFailure(original, "order-placed.v1", "boom", 5, FailedAt);

        Assert.Equal("00-abc-def-01", headers["traceparent"]);
        Assert.Equal("boom", headers[DeadLetterHeaders.Error]);
        Assert.Equal("2026-11-25T10:00:00.0000000+00:00", headers[DeadLetterHeaders.FailedAt]);
        Assert.Equal(5, headers[DeadLetterHeaders.Attempts]);
        Assert.Equal("order-placed.v1", headers[DeadLetterHeaders.RoutingKey]);
        Assert.Single(original);
    }

    [Fact]
    public void A_message_without_headers_still_gets_the_failure_headers() =>
        Assert.Equal(4, DeadLetterHeaders.ForFailure(null, "stock-reserved.v1", "boom", 1, FailedAt).Count);

    [Fact]
    public void The_error_is_cut_to_2000_characters_and_a_shorter_one_is_kept_whole()
    {
        var atLimit = new string('e', 2000);

        Assert.Equal(atLimit, DeadLetterHeaders.ForFailure(null, "k", atLimit, 1, FailedAt)[DeadLetterHeaders.Error]);
        Assert.Equal(atLimit, DeadLetterHeaders.ForFailure(null, "k", atLimit + "tail", 1, FailedAt)[DeadLetterHeaders.Error]);
    }

    [Fact]
    public void A_replay_drops_the_failure_keeps_the_rest_and_records_when()
    {
        var deadLetter = DeadLetterHeaders.ForFailure(
            new Dictionary<string, object?> { ["traceparent"] = "00-abc-def-01" }, "order-placed.v1", "boom", 5, FailedAt);

        var headers = DeadLetterHeaders.ForReplay(deadLetter, FailedAt.AddHours(1));

        Assert.Equal(
            ["traceparent", DeadLetterHeaders.ReplayedAt, DeadLetterHeaders.RoutingKey], headers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("2026-11-25T11:00:00.0000000+00:00", headers[DeadLetterHeaders.ReplayedAt]);
        Assert.Equal(5, deadLetter[DeadLetterHeaders.Attempts]);
    }

    [Fact]
    public void A_replay_of_a_message_without_headers_records_only_when() =>
        Assert.Equal([DeadLetterHeaders.ReplayedAt], DeadLetterHeaders.ForReplay(null, FailedAt).Keys);

    [Fact]
    public void Header_text_is_read_from_amqp_bytes_and_from_plain_values()
    {
        var headers = new Dictionary<string, object?>
        {
            ["bytes"] = Encoding.UTF8.GetBytes("grüße"),
            ["number"] = 5,
            ["text"] = "plain",
            ["null"] = null,
        };

        Assert.Equal("grüße", DeadLetterHeaders.Text(headers, "bytes"));
        Assert.Equal("5", DeadLetterHeaders.Text(headers, "number"));
        Assert.Equal("plain", DeadLetterHeaders.Text(headers, "text"));
        Assert.Null(DeadLetterHeaders.Text(headers, "null"));
        Assert.Null(DeadLetterHeaders.Text(headers, "absent"));
        Assert.Null(DeadLetterHeaders.Text(null, "bytes"));
    }
}
