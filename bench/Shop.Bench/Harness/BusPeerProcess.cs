using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace Shop.Bench.Harness;

/// <summary>
/// One run of <c>bench/Shop.Bench.BusPeer</c> with one bus: started, told when to go on, read back. The peer's line
/// protocol is described in its Program.cs; the harness takes a CPU snapshot at each of its two pauses.
/// </summary>
public sealed class BusPeerProcess : IAsyncDisposable
{
    /// <summary>Start, Wolverine's code generation, and the warm-up events: well under a minute on 2 cores.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    private readonly Process _process;

    private readonly Task<string> _standardError;

    private BusPeerProcess(Process process)
    {
        _process = process;
        _standardError = process.StandardError.ReadToEndAsync(CancellationToken.None);
    }

    public int ProcessId => _process.Id;

    /// <summary>The peer's build output, next to the harness's in the same configuration (Shop.Bench.csproj names it).</summary>
    public static string AssemblyPath =>
        typeof(BusPeerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "BusPeerAssembly").Value
        ?? throw new InvalidOperationException("Shop.Bench was built without the BusPeerAssembly metadata.");

    public static BusPeerProcess Start(string bus, string serverConnectionString, string messaging, int events, int warmUpEvents, int producers)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] arguments =
        [
            AssemblyPath, "--bus", bus, "--postgres", serverConnectionString, "--messaging", messaging,
            "--events", Invariant(events), "--warm-up", Invariant(warmUpEvents), "--producers", Invariant(producers),
        ];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return new BusPeerProcess(Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start the bus peer."));
    }

    /// <summary>Waits for the peer's next line, which must start with <paramref name="expected"/>; returns the rest.</summary>
    public async Task<string> ExpectAsync(string expected, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(Patience);
        string? line;
        try
        {
            line = await _process.StandardOutput.ReadLineAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"The bus peer did not say \"{expected}\" within {Patience.TotalMinutes} minutes.");
        }

        if (line is null || !line.StartsWith(expected, StringComparison.Ordinal))
        {
            _process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"The bus peer said \"{line}\" instead of \"{expected}\": {await _standardError}");
        }

        return line[expected.Length..].Trim();
    }

    public async Task GoOnAsync() => await _process.StandardInput.WriteLineAsync();

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        var exitCode = _process.HasExited ? _process.ExitCode : -1;
        var standardError = await _standardError;
        _process.Dispose();
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"The bus peer exited with {exitCode}: {standardError}");
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
