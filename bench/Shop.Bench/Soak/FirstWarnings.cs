namespace Shop.Bench.Soak;

/// <summary>
/// The first few warnings (or worse) of one resource, each with the lines after its level line, so the report can say
/// what a count of warnings was: .NET's console formatter writes the level and category on one line and the message,
/// then any stack trace, on the next.
/// </summary>
public sealed class FirstWarnings
{
    private const int Kept = 3;

    private const int LinesPerWarning = 3;

    private const int MaxLineLength = 300;

    private readonly List<List<string>> _warnings = [];

    private readonly Lock _lock = new();

    private int _linesToAdd;

    /// <summary>Called with every line of the resource, in order.</summary>
    public void See(string line, bool isWarning)
    {
        if (!isWarning && Volatile.Read(ref _linesToAdd) == 0)
        {
            return;
        }

        lock (_lock)
        {
            if (isWarning)
            {
                var keep = _warnings.Count < Kept;
                if (keep)
                {
                    _warnings.Add([Shorten(line)]);
                }

                _linesToAdd = keep ? LinesPerWarning - 1 : 0;
            }
            else if (_linesToAdd > 0)
            {
                _warnings[^1].Add(Shorten(line));
                _linesToAdd--;
            }
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _warnings.Clear();
            _linesToAdd = 0;
        }
    }

    /// <summary>Each kept warning as its lines joined.</summary>
    public IReadOnlyList<string> Read()
    {
        lock (_lock)
        {
            return [.. _warnings.Select(lines => string.Join('\n', lines))];
        }
    }

    private static string Shorten(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length <= MaxLineLength ? trimmed : trimmed[..MaxLineLength] + "…";
    }
}
