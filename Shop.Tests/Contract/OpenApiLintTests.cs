using System.Text.Json;
using Shop.Tests.Deployment;
using Xunit.Abstractions;

namespace Shop.Tests.Contract;

/// <summary>
/// The committed OpenAPI documents pass Spectral with Shop's ruleset (<c>tools/openapi-lint/.spectral.yaml</c>), through
/// <c>scripts/lint-openapi.sh</c> as a developer runs it. Errors fail; warnings are printed to the test output.
/// </summary>
public sealed class OpenApiLintTests(ITestOutputHelper output)
{
    // A fresh machine first downloads Spectral's packages (npm ci): a minute or two, more on a slow registry.
    private static readonly TimeSpan LintTimeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task The_committed_documents_have_no_lint_errors()
    {
        var (exitCode, stdout, stderr) = await RepositoryCommand.RunAsync("bash", ["scripts/lint-openapi.sh", "json"], LintTimeout);

        var findings = Parse(stdout);
        Assert.True(findings is not null, $"scripts/lint-openapi.sh printed no Spectral findings ({exitCode}):\n{stdout}\n{stderr}");
        foreach (var finding in findings)
        {
            output.WriteLine(finding.ToString());
        }

        var errors = findings.Where(finding => finding.IsError).ToList();
        Assert.True(
            exitCode == 0 && errors.Count == 0,
            $"Spectral found {errors.Count} error(s) in docs/openapi (exit code {exitCode}); fix the endpoints, not the documents, "
            + $"then regenerate them (see OpenApiDocumentTests):\n{string.Join('\n', findings)}\n{stderr}");
    }

    private static List<LintFinding>? Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return [.. document.RootElement.EnumerateArray().Select(LintFinding.From).OrderBy(finding => finding.Severity)];
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>One Spectral result (its <c>--format json</c>): severity 0 is an error, 1 a warning, 2 info, 3 a hint.</summary>
    private sealed record LintFinding(int Severity, string Rule, string Document, string Path, string Message)
    {
        public bool IsError => Severity == 0;

        public static LintFinding From(JsonElement result) => new(
            result.GetProperty("severity").GetInt32(),
            result.GetProperty("code").ToString(),
            System.IO.Path.GetRelativePath(ShopTestPaths.RepositoryRoot, result.GetProperty("source").GetString() ?? "?"),
            string.Join('.', result.GetProperty("path").EnumerateArray().Select(segment => segment.ToString())),
            result.GetProperty("message").GetString() ?? "");

        public override string ToString() =>
            $"{Severity switch { 0 => "error", 1 => "warning", 2 => "info", _ => "hint" }} {Rule} {Document} {Path}: {Message}";
    }
}
