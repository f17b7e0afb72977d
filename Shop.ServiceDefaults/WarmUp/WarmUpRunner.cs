using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Shop.ServiceDefaults.WarmUp;

/// <summary>
/// Runs every <see cref="IWarmUp"/> once the other startup steps are done, and is itself the last startup step: until
/// it is done, <c>/health</c> answers "Starting: warming up" (requests are not held). A warm-up that fails or overruns its budget is skipped
/// (the first request then does that work itself): a slow dependency must not keep a service from starting.
/// </summary>
internal sealed partial class WarmUpRunner(
    IServiceProvider services,
    IServiceScopeFactory scopes,
    ILogger<WarmUpRunner> logger) : BackgroundService, IStartupStep
{
    private static readonly TimeSpan StepPoll = TimeSpan.FromMilliseconds(100);

    // Each warm-up's. Fetching the signing keys waits until the users service is ready, which on a busy first start
    // can take a while; the gateway waits for every service anyway, so waiting here delays no one's first request.
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);

    private volatile bool _done;

    public bool IsDone => _done;

    public string Pending => "warming up";

    // A gateway whose users service is down must still serve the catalog: traffic that comes before readiness passes.
    public bool HoldsRequests => false;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var others = services.GetServices<IStartupStep>().Where(step => !ReferenceEquals(step, this)).ToArray();
        while (others.Any(step => !step.IsDone))
        {
            await Task.Delay(StepPoll, stoppingToken);
        }

        var started = Stopwatch.GetTimestamp();
        await using (var scope = scopes.CreateAsyncScope())
        {
            foreach (var warmUp in scope.ServiceProvider.GetServices<IWarmUp>())
            {
                using var budget = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                budget.CancelAfter(Budget);
                try
                {
                    await warmUp.WarmUpAsync(budget.Token);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    LogSkipped(logger, warmUp.GetType().Name, exception.Message);
                }
            }
        }

        _done = true;
        var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogWarmedUp(logger, elapsed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warmed up in {ElapsedMilliseconds} ms")]
    private static partial void LogWarmedUp(ILogger logger, long elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Warm-up {WarmUp} skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string warmUp, string reason);
}
