using System.Diagnostics;
using System.Net;
using System.Text;
using Shop.Tests.Api;
using Shop.Tests.Architecture;
using Shop.Tests.Integration;

namespace Shop.Tests.Startup;

/// <summary>
/// One built service (or the gateway) run as its container image runs it: <c>dotnet Shop.X.dll</c> in its output
/// directory, Production, configured by environment variables only, on a loopback port of its own. No AppHost, no
/// database, no broker.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Everything the process wrote so far, standard output and error.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Settings a service needs to start: its database and the broker, unreachable (port 1), and for users a signing
    /// key and the admin password. A test replaces or removes one.
    /// </summary>
    public static Dictionary<string, string?> ValidSettings(string service) => new()
    {
        [$"ConnectionStrings__{ShopResources.ServiceDatabases[service]}"] = $"Host=127.0.0.1;Port=1;Database={ShopResources.ServiceDatabases[service]}",
        [$"ConnectionStrings__{ShopResources.Messaging}"] = "amqp://unreachable:unreachable@127.0.0.1:1",
        ["Jwt__SigningKey"] = service == "users" ? TestTokens.NewSigningKey() : null,
        ["Admin__Password"] = service == "users" ? "admin-password-1" : null,
    };

    public static ServiceProcess Start(string service, IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        var assembly = ShopProjects.AssemblyPath($"Shop.{char.ToUpperInvariant(service[0])}{service[1..]}");
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(assembly);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        foreach (var (name, value) in settings.Where(setting => setting.Value is not null))
        {
            start.Environment[name] = value;
        }

        var running = new ServiceProcess(new Process { StartInfo = start }, port);
        running._process.OutputDataReceived += (_, line) => running.Append(line.Data);
        running._process.ErrorDataReceived += (_, line) => running.Append(line.Data);
        running._process.Start();
        running._process.BeginOutputReadLine();
        running._process.BeginErrorReadLine();
        return running;
    }

    /// <summary>The exit code, once the process has ended on its own within <paramref name="timeout"/>.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The service was still running after {timeout}:{Environment.NewLine}{Output}");
        }

        return _process.ExitCode;
    }

    public HttpClient CreateClient() => new() { BaseAddress = new Uri($"http://127.0.0.1:{Port}") };

    /// <summary>Waits until <c>/alive</c> answers 200 through <paramref name="client"/>: the process is listening.</summary>
    public async Task WaitUntilListeningAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);

        using var deadline = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            try
            {
                using var alive = await client.GetAsync("/alive", deadline.Token);
                Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
                return;
            }
            catch (HttpRequestException) when (!deadline.IsCancellationRequested)
            {
                await Task.Delay(200, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The process did not answer /alive within {StartTimeout}:{Environment.NewLine}{Output}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
