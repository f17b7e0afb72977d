using System.Text.Json;

namespace Shop.Bench.Reporting;

/// <summary>The start-up figures <c>scripts/bench.sh</c> measured around <c>scripts/run.sh</c> before this run.</summary>
public static class StartupFile
{
    // Every field is required: a file that bench.sh wrote in another shape fails here, naming the missing field, rather
    // than reporting zeros.
    private static readonly JsonSerializerOptions Strict = new(ReportWriter.Json)
    {
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    public static async Task<StartupResult?> ReadAsync(string? path, CancellationToken ct)
    {
        if (path is null)
        {
            return null;
        }

        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<StartupResult>(file, Strict, ct);
    }
}
