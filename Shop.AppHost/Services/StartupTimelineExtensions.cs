using Microsoft.Extensions.DependencyInjection;

namespace Shop.AppHost.Services;

/// <summary>The gateway whose health ends the start-up that <see cref="StartupTimeline"/> reports.</summary>
internal sealed record StartupTimelineOptions(string Gateway);

internal static class StartupTimelineExtensions
{
    /// <summary>In run mode, logs where the start-up's seconds went once this gateway turns healthy (<see cref="StartupTimeline"/>).</summary>
    public static IResourceBuilder<ProjectResource> WithStartupTimeline(this IResourceBuilder<ProjectResource> gateway)
    {
        var builder = gateway.ApplicationBuilder;
        if (builder.ExecutionContext.IsRunMode)
        {
            builder.Services.AddSingleton(new StartupTimelineOptions(gateway.Resource.Name));
            builder.Services.AddSingleton<StartupTimeline>();
            builder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
            {
                @event.Services.GetRequiredService<StartupTimeline>().Start();
                return Task.CompletedTask;
            });
        }

        return gateway;
    }
}
