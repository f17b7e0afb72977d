using Microsoft.Extensions.Logging;
using Shop.Tests.Saga;

namespace Shop.Tests.Integration;

/// <summary>
/// A normal start is not an error: nothing a Shop resource or the AppHost writes while starting may read as a warning
/// or worse, or the dashboard shows red badges on every run and real failures drown. Read from the shared app's own
/// start (fresh data, two replicas each of orders and inventory), as <see cref="ShopApp"/> recorded it.
/// </summary>
[Collection(ShopAppCollection.Name)]
public sealed class StartupLogTests(ShopAppFixture shop)
{
    // One line each process writes on every normal start: proves the logs were read, so an empty read cannot pass.
    public static TheoryData<string, string> StartedLines => new()
    {
        { ShopResources.Postgres, "database system is ready to accept connections" },
        { ShopResources.Messaging, "Server startup complete" },
        { "users", "Application started" },
        { "orders", "Application started" },
        { "orders-2", "Application started" },
        { "inventory", "Application started" },
        { "inventory-2", "Application started" },
        { "payments", "Application started" },
        { "notifications", "Application started" },
        { ShopResources.Gateway, "Application started" },
    };

    // RabbitMQ 3.10 (Debian 12's) warns that it rebuilds the indices of a message store it has just created, on the
    // first start of every new node: its own first-start line, not a failure, and absent from every later start (the
    // tests always start a new node).
    private static readonly string[] FirstStartOfANewNode = ["rebuilding indices from scratch"];

    [Theory]
    [MemberData(nameof(StartedLines))]
    public void A_normal_start_logs_nothing_at_warning_or_above(string resource, string startedLine)
    {
        Assert.True(shop.StartupLogs.TryGetValue(resource, out var log), $"No output recorded for {resource}; recorded: {string.Join(", ", shop.StartupLogs.Keys)}");

        Assert.Contains(log, line => line.Contains(startedLine, StringComparison.Ordinal));
        var warnings = log
            .Where(ResourceLogSeverity.IsWarningOrWorse)
            .Where(line => !FirstStartOfANewNode.Any(known => line.Contains(known, StringComparison.Ordinal)))
            .ToList();
        Assert.True(warnings.Count == 0, $"{resource} logged while starting:\n{string.Join('\n', warnings)}");
    }

    [Theory]
    [InlineData("users")]
    [InlineData("orders")]
    [InlineData("orders-2")]
    [InlineData("inventory")]
    [InlineData("inventory-2")]
    [InlineData("payments")]
    [InlineData("notifications")]
    [InlineData(ShopResources.Gateway)]
    public void Each_process_warms_up_completely_before_it_reports_ready(string resource)
    {
        var log = shop.StartupLogs[resource];

        Assert.Contains(log, line => line.Contains("Warmed up in", StringComparison.Ordinal));
        Assert.DoesNotContain(log, line => line.Contains("Warm-up", StringComparison.Ordinal) && line.Contains("skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void The_AppHost_logs_nothing_at_warning_or_above_during_a_normal_start()
    {
        Assert.Contains(shop.StartupAppHostLog, entry => entry.Message.StartsWith("Infrastructure: Local", StringComparison.Ordinal));
        var warnings = shop.StartupAppHostLog.Where(entry => entry.Level >= LogLevel.Warning).ToList();
        Assert.True(warnings.Count == 0, $"The AppHost logged while starting:\n{string.Join('\n', warnings)}");
    }

    [Fact]
    public async Task When_the_gateway_is_healthy_the_console_says_where_the_API_and_its_docs_are()
    {
        var api = shop.App.GetEndpoint(ShopResources.Gateway, "http").ToString().TrimEnd('/');

        var banner = await OrderJourney.UntilAsync(
            () => Task.FromResult(shop.AppHostLog.FirstOrDefault(entry => entry.Message.StartsWith("Shop is ready.", StringComparison.Ordinal))),
            entry => entry is not null,
            "the AppHost's ready banner");

        Assert.Contains($"API:        {api}", banner!.Message, StringComparison.Ordinal);
        Assert.Contains($"API docs:   {api}/docs", banner.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet user-secrets list --project Shop.AppHost", banner.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_gateway_is_healthy_the_console_says_where_the_start_ups_seconds_went()
    {
        var timeline = await OrderJourney.UntilAsync(
            () => Task.FromResult(shop.AppHostLog.FirstOrDefault(entry => entry.Message.StartsWith("Start-up, in seconds", StringComparison.Ordinal))),
            entry => entry is not null,
            "the AppHost's start-up timeline");

        // Every service instance with all five marks (waiting, started, migrated, warmed up, healthy): the last two
        // come from its own log lines, so a watcher that read no line would leave them "-".
        var rows = timeline!.Message.Split('\n').Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        foreach (var instance in new[] { "users", "inventory", "inventory-2", "orders", "orders-2", "payments", "notifications" })
        {
            var row = Assert.Single(rows, row => row.Length > 0 && row[0] == instance);
            Assert.Equal(6, row.Length);
            Assert.All(row[1..], cell => Assert.True(double.TryParse(cell, System.Globalization.CultureInfo.InvariantCulture, out _), $"{instance}: {string.Join(' ', row)}"));
        }

        var gateway = Assert.Single(rows, row => row.Length > 0 && row[0] == ShopResources.Gateway);
        Assert.Equal(["-"], gateway.Where(cell => cell == "-"));
    }
}
