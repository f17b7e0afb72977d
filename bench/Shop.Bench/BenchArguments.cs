namespace Shop.Bench;

/// <summary>The command line: <c>[--quick] [--output DIR] [--startup FILE]</c>.</summary>
public sealed record BenchArguments(bool Quick, string OutputDirectory, string? StartupFile)
{
    public static BenchArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);

        var parsed = new BenchArguments(false, Path.Combine("bench", "results"), null);
        for (var i = 0; i < args.Count; i++)
        {
            parsed = args[i] switch
            {
                "--quick" => parsed with { Quick = true },
                "--output" when i + 1 < args.Count => parsed with { OutputDirectory = args[++i] },
                "--startup" when i + 1 < args.Count => parsed with { StartupFile = args[++i] },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'. Usage: [--quick] [--output DIR] [--startup FILE]"),
            };
        }

        return parsed;
    }
}
