namespace Shop.Tests.Infrastructure;

public sealed class MissingLocalBinariesTests
{
    [Theory]
    [InlineData("Shop:Local:PostgresBin", "/nonexistent/postgresql/bin", "apt-get install -y postgresql")]
    [InlineData("Shop:Local:RabbitMQServer", "/nonexistent/rabbitmq-server", "apt-get install -y rabbitmq-server")]
    public async Task Local_mode_without_a_server_binary_fails_at_once_naming_the_package_to_install(
        string binarySetting, string missingPath, string expectedInstruction)
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => DistributedApplicationTestingBuilder.CreateAsync<Projects.Shop_AppHost>(
            ["--Shop:Infrastructure=local", $"--{binarySetting}={missingPath}", "--Shop:EphemeralData=true",
             $"--Shop:DataDirectory={ShopTestPaths.NewDataDirectory()}"],
            TestContext.Timeout));

        Assert.Contains(expectedInstruction, Messages(exception), StringComparison.Ordinal);
    }

    // The AppHost's exception may arrive wrapped (reflection, aggregate); its message is what a user reads.
    private static string Messages(Exception exception)
    {
        var messages = new List<string>();
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var current))
        {
            messages.Add(current.Message);
            if (current is AggregateException aggregate)
            {
                aggregate.InnerExceptions.ToList().ForEach(pending.Push);
            }
            else if (current.InnerException is not null)
            {
                pending.Push(current.InnerException);
            }
        }

        return string.Join(" | ", messages);
    }
}
