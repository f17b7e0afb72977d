using Shop.EventBus;

namespace Shop.UnitTests.Messaging;

/// <summary>Housekeeping is due at most once per interval, to one caller, with the cutoff retention before now.</summary>
public sealed class RetentionScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    [Fact]
    public void The_first_call_is_due_with_the_cutoff_retention_before_now() =>
        Assert.Equal(Start - Retention, new RetentionSchedule(Interval).DueCutoff(Start, Retention));

    [Fact]
    public void Within_the_interval_nothing_is_due_and_at_its_end_it_is_again()
    {
        var schedule = new RetentionSchedule(Interval);
        schedule.DueCutoff(Start, Retention);

        Assert.Null(schedule.DueCutoff(Start, Retention));
        Assert.Null(schedule.DueCutoff(Start + Interval - TimeSpan.FromTicks(1), Retention));
        Assert.Equal(Start + Interval - Retention, schedule.DueCutoff(Start + Interval, Retention));
        Assert.Null(schedule.DueCutoff(Start + Interval, Retention));
    }

    [Fact]
    public void Of_many_concurrent_callers_exactly_one_is_told_to_clean_up()
    {
        var schedule = new RetentionSchedule(Interval);

        var due = Enumerable.Range(0, 64).AsParallel().Count(_ => schedule.DueCutoff(Start, Retention) is not null);

        Assert.Equal(1, due);
    }
}
