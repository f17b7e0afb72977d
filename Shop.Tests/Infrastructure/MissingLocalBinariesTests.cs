namespace Shop.Tests.Infrastructure;

public sealed class MissingLocalBinariesTests
{
    [Fact]
    public async Task Local_mode_without_PostgreSQL_fails_at_once_naming_the_package_to_install()
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => DistributedApplicationTestingBuilder.CreateAsync<Projects.Shop_AppHost>(
            ["--Shop:Infrastructure=local", "--Shop:Local:PostgresBin=/nonexistent/postgresql/bin", "--Shop:EphemeralData=true",
             $"--Shop:DataDirectory={ShopTestPaths.NewDataDirectory()}"],
            TestContext.Timeout));

        Assert.Contains("apt-get install -y postgresql", Flatten(exception), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_mode_without_RabbitMQ_fails_at_once_naming_the_package_to_install()
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => DistributedApplicationTestingBuilder.CreateAsync<Projects.Shop_AppHost>(
            ["--Shop:Infrastructure=local", "--Shop:Local:RabbitMQServer=/nonexistent/rabbitmq-server", "--Shop:EphemeralData=true",
             $"--Shop:DataDirectory={ShopTestPaths.NewDataDirectory()}"],
            TestContext.Timeout));

        Assert.Contains("apt-get install -y rabbitmq-server", Flatten(exception), StringComparison.Ordinal);
    }

    // The AppHost's exception may arrive wrapped (reflection, aggregate); its message is what a user reads.
    private static string Flatten(Exception exception) =>
        string.Join(" | ", Enumerable.Repeat(exception, 1).Concat(exception is AggregateException aggregate ? aggregate.InnerExceptions : [])
            .SelectMany(e => Enumerable.Repeat(e, 1).Concat(InnerChain(e)))
            .Select(e => e.Message));

    private static IEnumerable<Exception> InnerChain(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            yield return inner;
        }
    }
}
