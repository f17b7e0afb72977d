using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Shop.Tests.Deployment;

/// <summary>
/// <c>deploy/kubernetes/new-secrets.sh</c> writes, for each resource, exactly the secret variables the manifest gives
/// it, with one set of passwords that the servers and the services' connection strings agree on.
/// </summary>
public sealed partial class KubernetesSecretsScriptTests : IDisposable
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(1);

    private static readonly string Script = Path.Combine("deploy", "kubernetes", "new-secrets.sh");

    private readonly string _output = Path.Combine(Path.GetTempPath(), "shop-secrets-" + Guid.NewGuid().ToString("N"));

    private readonly AspireManifest _manifest = AspireManifest.Load(AspireManifest.CommittedPath);

    [Fact]
    public async Task Each_resource_gets_its_secret_variables_with_matching_passwords()
    {
        var (exitCode, _, errors) = await RunScriptAsync();
        Assert.True(exitCode == 0, errors);

        var files = Directory.GetFiles(_output, "*.env").ToDictionary(path => Path.GetFileNameWithoutExtension(path)!, ReadEnvironmentFile);
        var withSecrets = _manifest.Resources.Select(resource => resource.Name).Where(name => _manifest.SecretVariables(name).Count > 0);
        Assert.Equal(withSecrets.Order(), files.Keys.Order());
        foreach (var (resource, variables) in files)
        {
            Assert.Equal(_manifest.SecretVariables(resource).Order(), variables.Keys.Order());
            Assert.All(variables.Values, value => Assert.False(string.IsNullOrWhiteSpace(value)));
        }

        var postgresPassword = files["postgres"]["POSTGRES_PASSWORD"];
        var messagingPassword = files["messaging-broker"]["RABBITMQ_DEFAULT_PASS"];
        Assert.Matches(UriSafe(), messagingPassword);
        Assert.NotEqual(postgresPassword, messagingPassword);
        foreach (var (service, database) in Integration.ShopResources.ServiceDatabases)
        {
            Assert.Equal(
                $"Host=postgres;Port=5432;Username=postgres;Password={postgresPassword};Database={database}",
                files[service][$"ConnectionStrings__{database}"]);
            Assert.Equal($"amqp://guest:{messagingPassword}@messaging-broker:5672", files[service]["ConnectionStrings__messaging"]);
        }

        using var signingKey = RSA.Create();
        signingKey.ImportPkcs8PrivateKey(Convert.FromBase64String(files["users"]["Jwt__SigningKey"]), out _);
        Assert.Equal(2048, signingKey.KeySize);
    }

    [Fact]
    public async Task Existing_secrets_are_kept_unless_forced()
    {
        Assert.Equal(0, (await RunScriptAsync()).ExitCode);
        var first = await File.ReadAllTextAsync(Path.Combine(_output, "postgres.env"));

        var (refused, _, errors) = await RunScriptAsync();

        Assert.Equal(1, refused);
        Assert.Contains("--force", errors, StringComparison.Ordinal);
        Assert.Equal(first, await File.ReadAllTextAsync(Path.Combine(_output, "postgres.env")));
        Assert.Equal(0, (await RunScriptAsync("--force")).ExitCode);
        Assert.NotEqual(first, await File.ReadAllTextAsync(Path.Combine(_output, "postgres.env")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    private Task<(int ExitCode, string Output, string Errors)> RunScriptAsync(params string[] arguments) =>
        RepositoryCommand.RunAsync("bash", [Script, "--output", _output, .. arguments], ScriptTimeout);

    private static Dictionary<string, string> ReadEnvironmentFile(string path) =>
        File.ReadAllLines(path)
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);

    [GeneratedRegex("^[A-Za-z0-9]{24,}$")]
    private static partial Regex UriSafe();
}
