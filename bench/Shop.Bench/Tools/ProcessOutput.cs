namespace Shop.Bench.Tools;

/// <summary>What a finished external process left behind: its exit code and everything it wrote.</summary>
public sealed record ProcessOutput(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Returns this output, or throws when the process failed, quoting what it said about why.</summary>
    public ProcessOutput EnsureSuccess(string what)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(what);
        if (ExitCode == 0)
        {
            return this;
        }

        // Most tools explain a failure on stderr; some only on stdout, so that is the fallback.
        var explanation = string.IsNullOrWhiteSpace(StandardError) ? StandardOutput : StandardError;
        throw new InvalidOperationException($"{what} exited with code {ExitCode}: {explanation.Trim()}");
    }
}
