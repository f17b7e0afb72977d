namespace Shop.Tests.Integration;

/// <summary>Lines as the processes really write them (taken from a run), so the start-up log check cannot miss one.</summary>
public sealed class ResourceLogSeverityTests
{
    [Theory]
    [InlineData("\u001b[41m\u001b[30mfail\u001b[39m\u001b[22m\u001b[49m: Microsoft.EntityFrameworkCore.Update[10000]")]
    [InlineData("2026-12-02T15:59:18.893Z fail: Microsoft.EntityFrameworkCore.Database.Command[20102]")]
    [InlineData("warn: Aspire.Hosting.Dcp.DcpHost[0]")]
    [InlineData("crit: Shop.ServiceDefaults[1]")]
    [InlineData("2026-12-02 15:59:18.742 UTC [22914] ERROR:  duplicate key value violates unique constraint \"IX_Products_Sku\"")]
    [InlineData("2026-12-02 15:58:15.353 UTC [22059] FATAL:  password authentication failed for user \"orders\"")]
    [InlineData("2026-12-02 15:58:24.957434+00:00 [warning] <0.627.0> Message store \"628WB79CIFDYO9LJI6DKMI09L/msg_store_persistent\": rebuilding indices from scratch")]
    [InlineData("2026-12-02 15:58:24.957434+00:00 [error] <0.627.0> closing AMQP connection")]
    public void Warnings_and_errors_are_recognised(string line)
    {
        Assert.True(ResourceLogSeverity.IsWarningOrWorse(line));
    }

    [Theory]
    [InlineData("\u001b[40m\u001b[32minfo\u001b[39m\u001b[22m\u001b[49m: Microsoft.Hosting.Lifetime[14]")]
    [InlineData("      Now listening on: http://localhost:23516")]
    [InlineData("      Failed executing nothing: a message that mentions fail: in its text")]
    [InlineData("2026-12-02 15:58:15.407 UTC [22059] LOG:  database system is ready to accept connections")]
    [InlineData("2026-12-02 15:58:19.566212+00:00 [info] <0.223.0> Feature flags: list of feature flags found:")]
    [InlineData("2026-12-02 16:07:55.276931+00:00 [notice] <0.61.0> SIGTERM received - shutting down")]
    public void Information_is_not_a_warning(string line)
    {
        Assert.False(ResourceLogSeverity.IsWarningOrWorse(line));
    }
}
