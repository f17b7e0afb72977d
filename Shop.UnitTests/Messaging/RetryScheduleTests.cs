using Shop.EventBus;

namespace Shop.UnitTests.Messaging;

public sealed class RetryScheduleTests
{
    private static readonly RetrySchedule Schedule = new(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));

    [Theory]
    [InlineData(1, 200)]
    [InlineData(2, 400)]
    [InlineData(3, 800)]
    [InlineData(4, 1600)]
    [InlineData(5, 3200)]
    [InlineData(6, 5000)]
    [InlineData(60, 5000)]
    public void Without_jitter_the_delay_doubles_per_attempt_up_to_the_cap(int attempt, int expectedMilliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), Schedule.DelayAfter(attempt, jitter: 0));
    }

    [Fact]
    public void Jitter_takes_off_at_most_a_fifth()
    {
        var longest = Schedule.DelayAfter(3, jitter: 0);
        var shortest = Schedule.DelayAfter(3, jitter: 0.999999);

        Assert.True(shortest < longest);
        Assert.True(shortest >= longest * 0.8);
        Assert.All(Enumerable.Range(0, 100), _ =>
        {
            var delay = Schedule.DelayAfter(3);
            Assert.InRange(delay, longest * 0.8, longest);
        });
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, -0.1)]
    [InlineData(1, 1)]
    public void Attempts_start_at_one_and_jitter_is_a_fraction(int attempt, double jitter)
    {
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => Schedule.DelayAfter(attempt, jitter));
    }
}
