namespace Shop.Tests.Gateway;

/// <summary>
/// Which process answered a request, from its <c>X-Instance-Id</c> (<c>{host}:{pid}</c>): the test runs on the same
/// machine, so the pid leads to the executable (<c>Shop.Orders</c>) and to the Aspire resource (<c>orders-2</c>).
/// </summary>
internal sealed record AnsweringProcess(string InstanceId, int ProcessId)
{
    private const string Header = "X-Instance-Id";

    public static AnsweringProcess Of(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);

        var instanceId = Assert.Single(response.Headers.GetValues(Header));
        var separator = instanceId.LastIndexOf(':');
        Assert.Equal(Environment.MachineName, instanceId[..separator]);
        return new AnsweringProcess(instanceId, int.Parse(instanceId[(separator + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The executable's file name, e.g. <c>Shop.Orders</c> (or the dll's name under <c>dotnet exec</c>).</summary>
    public string Executable
    {
        get
        {
            var arguments = ReadProc("cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
            var executable = Path.GetFileName(arguments[0]);
            var dll = arguments.Skip(1).FirstOrDefault(argument => argument.EndsWith(".dll", StringComparison.Ordinal));
            return executable == "dotnet" && dll is not null ? Path.GetFileNameWithoutExtension(dll) : executable;
        }
    }

    /// <summary>The Aspire resource the process runs as: Aspire names the service after it (<c>OTEL_SERVICE_NAME</c>).</summary>
    public string Resource => Variable("OTEL_SERVICE_NAME") ?? throw new InvalidOperationException($"{InstanceId} has no OTEL_SERVICE_NAME.");

    /// <summary>The value of one of the process's environment variables, or null when it has none of that name.</summary>
    public string? Variable(string name) =>
        ReadProc("environ").Split('\0')
            .Where(variable => variable.StartsWith($"{name}=", StringComparison.Ordinal))
            .Select(variable => variable[(name.Length + 1)..])
            .SingleOrDefault();

    private string ReadProc(string file) => File.ReadAllText($"/proc/{ProcessId}/{file}");
}
