using System.Globalization;
using Shop.Bench.Soak;

namespace Shop.Bench;

/// <summary>The command line: <c>[--quick] [--soak [MINUTES]] [--output DIR] [--startup FILE]</c>.</summary>
public sealed record BenchArguments(bool Quick, int? SoakMinutes, string OutputDirectory, string? StartupFile)
{
    private const string Usage = "Usage: [--quick] [--soak [MINUTES]] [--output DIR] [--startup FILE]";

    public static BenchArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);

        var parsed = new BenchArguments(false, null, Path.Combine("bench", "results"), null);
        for (var i = 0; i < args.Count; i++)
        {
            parsed = args[i] switch
            {
                "--quick" => parsed with { Quick = true },
                "--soak" when i + 1 < args.Count && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) =>
                    parsed with { SoakMinutes = Positive(minutes, args[++i]) },
                "--soak" => parsed with { SoakMinutes = SoakSettings.DefaultMinutes },
                "--output" when i + 1 < args.Count => parsed with { OutputDirectory = args[++i] },
                "--startup" when i + 1 < args.Count => parsed with { StartupFile = args[++i] },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'. {Usage}"),
            };
        }

        return parsed;
    }

    private static int Positive(int minutes, string text) =>
        minutes > 0 ? minutes : throw new ArgumentException($"--soak takes a number of minutes above 0, not '{text}'. {Usage}");
}
