using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Shop.AppHost.Infrastructure.Security;
using Shop.Tests.Integration;

namespace Shop.Tests.Deployment;

/// <summary>
/// <c>deploy/kubernetes/new-secrets.sh</c> writes, for each resource, exactly the secret variables the manifest gives
/// it, each service only its own credentials, the provisioning the role passwords the services use, and the broker
/// the definitions run mode's <see cref="BrokerDefinitions"/> makes, hashed from the services' passwords.
/// </summary>
public sealed partial class KubernetesSecretsScriptTests : IDisposable
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(1);

    private static readonly string Script = Path.Combine("deploy", "kubernetes", "new-secrets.sh");

    private const string Provisioning = "postgres-provision";

    private readonly string _output = Path.Combine(Path.GetTempPath(), "shop-secrets-" + Guid.NewGuid().ToString("N"));

    private readonly AspireManifest _manifest = AspireManifest.Load(AspireManifest.CommittedPath);

    [Fact]
    public async Task Each_resource_gets_its_secret_variables_and_each_service_its_own_role_and_user()
    {
        var files = await WriteSecretsAsync();

        var withSecrets = _manifest.Resources.Select(resource => resource.Name).Where(name => _manifest.SecretVariables(name).Count > 0);
        Assert.Equal(withSecrets.Append(Provisioning).Order(), files.Keys.Order());
        foreach (var (resource, variables) in files.Where(file => file.Key != Provisioning))
        {
            Assert.Equal(_manifest.SecretVariables(resource).Order(), variables.Keys.Order());
        }

        Assert.All(files.Values.SelectMany(variables => variables.Values), value => Assert.False(string.IsNullOrWhiteSpace(value)));
        var provisioning = files[Provisioning];
        Assert.Equal(("postgres", "5432", "postgres"), (provisioning["PGHOST"], provisioning["PGPORT"], provisioning["PGUSER"]));
        Assert.Equal(files["postgres"]["POSTGRES_PASSWORD"], provisioning["PGPASSWORD"]);
        foreach (var (service, database) in ShopResources.ServiceDatabases)
        {
            var databasePassword = provisioning[$"{service.ToUpperInvariant()}_DB_PASSWORD"];
            Assert.Equal($"Host=postgres;Port=5432;Username={service};Password={databasePassword};Database={database}", files[service][$"ConnectionStrings__{database}"]);
            Assert.Matches(UriSafe(), MessagingPassword(files, service));
            Assert.Equal($"amqp://{service}:{MessagingPassword(files, service)}@messaging-broker:5672", files[service]["ConnectionStrings__messaging"]);
        }

        using var signingKey = RSA.Create();
        signingKey.ImportPkcs8PrivateKey(Convert.FromBase64String(files["users"]["Jwt__SigningKey"]), out _);
        Assert.Equal(2048, signingKey.KeySize);
    }

    [Fact]
    public async Task No_file_holds_another_services_credential_and_only_the_servers_files_the_superusers()
    {
        var files = await WriteSecretsAsync();
        var provisioning = files[Provisioning];

        // Each secret value and the files allowed to hold it.
        var owners = new Dictionary<string, string[]>
        {
            [files["postgres"]["POSTGRES_PASSWORD"]] = ["postgres", Provisioning],
            [files["messaging-broker"]["RABBITMQ_DEFAULT_PASS"]] = ["messaging-broker"],
            [files["users"]["Jwt__SigningKey"]] = ["users"],
            [files["users"]["Admin__Password"]] = ["users"],
        };
        foreach (var service in ShopResources.ServiceDatabases.Keys)
        {
            owners.Add(provisioning[$"{service.ToUpperInvariant()}_DB_PASSWORD"], [service, Provisioning]);
            owners.Add(MessagingPassword(files, service), [service]);
        }

        foreach (var file in Directory.GetFiles(_output))
        {
            var name = Path.GetFileName(file);
            var text = await File.ReadAllTextAsync(file);
            foreach (var (secret, allowed) in owners.Where(owner => !owner.Value.Contains(Path.GetFileNameWithoutExtension(name))))
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{name} holds a secret of {string.Join(" or ", allowed)}.");
            }
        }
    }

    [Fact]
    public async Task The_broker_definitions_are_run_modes_with_each_services_password_hashed()
    {
        var files = await WriteSecretsAsync();
        var written = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_output, "messaging-definitions.json")))!.AsObject();

        var administrator = new BrokerUser(ShopMessaging.Administrator, files["messaging-broker"]["RABBITMQ_DEFAULT_PASS"]);
        var services = ShopResources.ServiceDatabases.Keys.Select(service => new BrokerUser(service, MessagingPassword(files, service))).ToList();
        var expected = JsonNode.Parse(BrokerDefinitions.Create(administrator, services))!.AsObject();
        Assert.Equal(Comparable(expected), Comparable(written));

        var passwords = services.Append(administrator).ToDictionary(user => user.Name, user => user.Password);
        var users = written["users"]!.AsArray().Select(user => user!.AsObject()).ToList();
        Assert.Equal(passwords.Keys.Order(), users.Select(user => user["name"]!.GetValue<string>()).Order());
        foreach (var user in users)
        {
            var hash = user["password_hash"]!.GetValue<string>();
            var salt = Convert.FromBase64String(hash)[..4];
            Assert.Equal(BrokerDefinitions.PasswordHash(passwords[user["name"]!.GetValue<string>()], salt), hash);
        }
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

    private async Task<Dictionary<string, Dictionary<string, string>>> WriteSecretsAsync()
    {
        var (exitCode, _, errors) = await RunScriptAsync();
        Assert.True(exitCode == 0, errors);
        return Directory.GetFiles(_output, "*.env").ToDictionary(path => Path.GetFileNameWithoutExtension(path)!, ReadEnvironmentFile);
    }

    private Task<(int ExitCode, string Output, string Errors)> RunScriptAsync(params string[] arguments) =>
        RepositoryCommand.RunAsync("bash", [Script, "--output", _output, .. arguments], ScriptTimeout);

    private static string MessagingPassword(Dictionary<string, Dictionary<string, string>> files, string service) =>
        new Uri(files[service]["ConnectionStrings__messaging"]).UserInfo.Split(':', 2)[1];

    /// <summary>Each section's entries without their salted hashes, in a fixed order.</summary>
    private static Dictionary<string, List<string>> Comparable(JsonObject definitions) =>
        definitions.ToDictionary(
            section => section.Key,
            section => section.Value!.AsArray()
                .Select(entry =>
                {
                    var copy = entry!.DeepClone().AsObject();
                    copy.Remove("password_hash");
                    return copy.ToJsonString();
                })
                .Order()
                .ToList());

    private static Dictionary<string, string> ReadEnvironmentFile(string path) =>
        File.ReadAllLines(path)
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);

    [GeneratedRegex("^[A-Za-z0-9]{24,}$")]
    private static partial Regex UriSafe();
}
