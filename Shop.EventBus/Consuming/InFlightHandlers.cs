namespace Shop.EventBus.Consuming;

/// <summary>Counts deliveries being handled, so shutdown can wait for them to finish.</summary>
internal sealed class InFlightHandlers
{
    private readonly object _lock = new();
    private int _count;
    private TaskCompletionSource _idle = NewIdle(completed: true);

    public void Enter()
    {
        lock (_lock)
        {
            if (_count++ == 0)
            {
                _idle = NewIdle(completed: false);
            }
        }
    }

    public void Exit()
    {
        lock (_lock)
        {
            if (--_count == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    public Task WaitIdleAsync(CancellationToken ct)
    {
        lock (_lock)
        {
            return _idle.Task.WaitAsync(ct);
        }
    }

    private static TaskCompletionSource NewIdle(bool completed)
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            idle.SetResult();
        }

        return idle;
    }
}
