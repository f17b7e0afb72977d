using System.Diagnostics;
using System.Globalization;

namespace Shop.Bench.Tools;

/// <summary>A private nginx, run as a child process, reverse-proxying 127.0.0.1:port to one upstream.</summary>
public sealed class NginxReverseProxy : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly string directory;
    private readonly Process process;
    private readonly Task<string> standardOutput;
    private readonly Task<string> standardError;

    private NginxReverseProxy(string directory, Process process, int port)
    {
        this.directory = directory;
        this.process = process;
        standardOutput = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        standardError = process.StandardError.ReadToEndAsync(CancellationToken.None);
        Address = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
    }

    public Uri Address { get; }

    public static async Task<NginxReverseProxy> StartAsync(Uri upstream, int port, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);

        var directory = Directory.CreateDirectory(
            Path.Combine(Path.GetTempPath(), $"shop-bench-nginx-{Guid.NewGuid():N}")).FullName;
        NginxReverseProxy proxy;
        try
        {
            await File.WriteAllTextAsync(ConfigPath(directory), NginxConfig.Render(directory, upstream, port), ct);
            proxy = new NginxReverseProxy(directory, StartNginx(directory), port);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }

        try
        {
            await proxy.WaitUntilServingAsync(ct);
            return proxy;
        }
        catch
        {
            await proxy.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private static Process StartNginx(string directory)
    {
        var startInfo = new ProcessStartInfo("nginx")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] arguments = [.. ControlArguments(directory), "-g", "daemon off;"];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start nginx.");
    }

    // -e keeps even the errors logged before the config is read out of /var/log/nginx.
    private static string[] ControlArguments(string directory) =>
        ["-p", directory, "-c", ConfigPath(directory), "-e", ErrorLogPath(directory)];

    private static string ConfigPath(string directory) => Path.Combine(directory, "nginx.conf");

    private static string ErrorLogPath(string directory) => Path.Combine(directory, "error.log");

    private async Task WaitUntilServingAsync(CancellationToken ct)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw await FailureAsync($"nginx exited with code {process.ExitCode} while starting");
            }

            if (HoldsItsPort() && await AnswersAsync(client, ct))
            {
                return;
            }

            if (elapsed.Elapsed > StartTimeout)
            {
                throw await FailureAsync($"nginx did not answer on {Address} within {StartTimeout.TotalSeconds} s");
            }

            await Task.Delay(PollInterval, ct);
        }
    }

    // nginx writes its pid file only after binding its listeners; checking the pid is ours means an answer on the
    // port cannot come from some other server left listening there.
    private bool HoldsItsPort()
    {
        var pidPath = Path.Combine(directory, "nginx.pid");
        return File.Exists(pidPath)
            && int.TryParse(File.ReadAllText(pidPath).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            && pid == process.Id;
    }

    // Any status counts: a 502 still proves a worker accepts and proxies requests.
    private async Task<bool> AnswersAsync(HttpClient client, CancellationToken ct)
    {
        try
        {
            using var response = await client.GetAsync(Address, ct);
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task<InvalidOperationException> FailureAsync(string reason)
    {
        await StopAsync();
        var errorLogPath = ErrorLogPath(directory);
        var errorLog = File.Exists(errorLogPath) ? await File.ReadAllTextAsync(errorLogPath) : "";
        return new InvalidOperationException(
            $"{reason}.\nerror.log:\n{errorLog.Trim()}\nstderr:\n{(await standardError).Trim()}");
    }

    // nginx's own "stop" (SIGTERM to the master) makes the master end and reap its workers. Killing the tree outright
    // would orphan them as zombies wherever PID 1 does not collect orphans (containers), so that is only the fallback.
    private async Task StopAsync()
    {
        if (!process.HasExited)
        {
            var stop = await ExternalProcess.RunAsync(
                "nginx", [.. ControlArguments(directory), "-s", "stop"], null, StopTimeout, CancellationToken.None);
            if (stop.ExitCode != 0 || !await ExitsWithinAsync(StopTimeout))
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }

        await Task.WhenAll(standardOutput, standardError);
    }

    private async Task<bool> ExitsWithinAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
