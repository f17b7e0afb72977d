using System.Diagnostics;

namespace Shop.Bench.Tools;

/// <summary>Runs a command-line tool to completion and captures its output, bounded by a timeout.</summary>
public static class ExternalProcess
{
    public static async Task<ProcessOutput> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment,
        TimeSpan timeout,
        CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);

        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {CommandLine(startInfo)}.");

        // A tool that prompts (e.g. for a password) gets end-of-input instead of hanging on the harness's console.
        process.StandardInput.Close();

        // Both pipes are read at once: a child blocked writing a full stderr pipe would never finish its stdout.
        var standardOutput = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var standardError = process.StandardError.ReadToEndAsync(CancellationToken.None);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            await Task.WhenAll(standardOutput, standardError).WaitAsync(deadline.Token);
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            // The whole tree: a tool's helper processes would otherwise keep running (and keep the pipes open).
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            await Task.WhenAll(standardOutput, standardError);
            ct.ThrowIfCancellationRequested();
            throw new TimeoutException($"{CommandLine(startInfo)} did not finish within {timeout}.");
        }

        return new ProcessOutput(process.ExitCode, await standardOutput, await standardError);
    }

    private static string CommandLine(ProcessStartInfo startInfo) =>
        string.Join(' ', startInfo.ArgumentList.Prepend(startInfo.FileName).Select(Quote));

    private static string Quote(string word) =>
        word.Length > 0 && !word.Any(char.IsWhiteSpace) && !word.Contains('"', StringComparison.Ordinal)
            ? word
            : "\"" + word.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
