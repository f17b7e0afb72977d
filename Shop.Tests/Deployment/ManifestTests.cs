using System.Text.RegularExpressions;
using Shop.Tests.Integration;

namespace Shop.Tests.Deployment;

/// <summary>
/// <c>aspire-manifest.json</c> as aspirate will read it: only types it deploys, only placeholders it can resolve,
/// every project wired, and no secret in the clear.
/// </summary>
public sealed partial class ManifestTests
{
    private static readonly string[] BindingProperties = ["host", "port", "url", "targetPort", "scheme"];

    private readonly AspireManifest _manifest = AspireManifest.Load(AspireManifest.CommittedPath);

    [Fact]
    public void Every_resource_is_of_a_type_aspirate_deploys()
    {
        Assert.All(_manifest.Resources, resource =>
            Assert.True(AspireManifest.SupportedTypes.Contains(AspireManifest.Type(resource.Resource)), $"{resource.Name} is {AspireManifest.Type(resource.Resource)}."));
    }

    [Fact]
    public void Every_placeholder_points_at_a_supported_resource_and_a_property_it_has()
    {
        var placeholders = _manifest.Placeholders().ToList();

        Assert.NotEmpty(placeholders);
        Assert.All(placeholders, placeholder =>
        {
            var where = $"{{{placeholder.Resource}.{placeholder.Path}}} in {placeholder.Owner}";
            var target = _manifest.Find(placeholder.Resource);
            Assert.True(target is not null, $"{where}: no such resource.");
            Assert.Contains(AspireManifest.Type(target), AspireManifest.SupportedTypes);

            var segments = placeholder.Path.Split('.');
            var resolvable = segments switch
            {
                ["value"] or ["inputs", "value"] => AspireManifest.Type(target) == "parameter.v0",
                ["connectionString"] => target["connectionString"] is not null,
                ["bindings", var binding, var property] => target["bindings"]?[binding] is not null && BindingProperties.Contains(property),
                _ => false,
            };
            Assert.True(resolvable, $"{where}: aspirate cannot resolve '{placeholder.Path}' on a {AspireManifest.Type(target)}.");
        });
    }

    [Fact]
    public void Every_parameter_is_a_secret()
    {
        var parameters = _manifest.OfType("parameter.").ToList();

        var credentials = ShopResources.ServiceDatabases.Keys.SelectMany(service => new[] { $"{service}-db-password", $"{service}-messaging-password" });
        Assert.Equal(
            credentials.Concat(["admin-password", "jwt-signing-key", "messaging-password", "postgres-password"]).Order(),
            parameters.Select(p => p.Name).Order());
        Assert.All(parameters, parameter =>
            Assert.True(parameter.Resource["inputs"]?["value"]?["secret"]?.GetValue<bool>() == true, $"{parameter.Name} is not secret."));
    }

    [Fact]
    public void No_password_or_key_is_written_in_the_clear()
    {
        var secretLike = _manifest.Resources
            .SelectMany(resource => (resource.Resource["env"]?.AsObject() ?? []).Select(pair => (resource.Name, pair.Key, Value: pair.Value!.GetValue<string>())))
            .Where(variable => SecretName().IsMatch(variable.Key))
            .ToList();

        Assert.NotEmpty(secretLike);
        Assert.All(secretLike, variable =>
            Assert.True(ParameterOnly().IsMatch(variable.Value), $"{variable.Name}: {variable.Key} = '{variable.Value}' is not a parameter reference."));

        var connectionStrings = _manifest.Resources
            .Select(resource => resource.Resource["connectionString"]?.GetValue<string>())
            .OfType<string>()
            .ToList();
        Assert.All(connectionStrings, connectionString =>
        {
            Assert.DoesNotMatch(LiteralPassword(), connectionString);
            Assert.DoesNotMatch(LiteralUriPassword(), connectionString);
        });
    }

    [Fact]
    public void Each_service_has_its_database_the_broker_its_port_and_the_users_service()
    {
        foreach (var (service, database) in ShopResources.ServiceDatabases)
        {
            var project = _manifest.Find(service)!;
            var environment = _manifest.Environment(service);

            Assert.Equal("project.v0", AspireManifest.Type(project));
            Assert.NotNull(project["bindings"]?["http"]);
            Assert.Equal($"{{{database}.connectionString}}", environment[$"ConnectionStrings__{database}"]);
            Assert.Equal(
                $"amqp://{service}:{{{service}-messaging-password.value}}@{{messaging-broker.bindings.tcp.host}}:{{messaging-broker.bindings.tcp.port}}",
                environment["ConnectionStrings__messaging"]);
            Assert.Equal($"{{{service}.bindings.http.targetPort}}", environment["HTTP_PORTS"]);
            if (service != "users")
            {
                Assert.Equal("{users.bindings.http.url}", environment["services__users__http__0"]);
            }
        }

        Assert.Equal("{inventory.bindings.http.url}", _manifest.Environment("orders")["services__inventory__http__0"]);
        Assert.Equal("{jwt-signing-key.value}", _manifest.Environment("users")["Jwt__SigningKey"]);
        Assert.Equal("{admin-password.value}", _manifest.Environment("users")["Admin__Password"]);
    }

    [Fact]
    public void Each_service_credential_is_a_secret_parameter_the_deployment_must_supply()
    {
        foreach (var service in ShopResources.ServiceDatabases.Keys)
        {
            foreach (var parameter in new[] { $"{service}-db-password", $"{service}-messaging-password" })
            {
                var value = _manifest.Find(parameter)?["inputs"]?["value"];
                Assert.True(value?["secret"]?.GetValue<bool>() == true, $"{parameter} is not a secret parameter.");
                // No generated default: new-secrets.sh writes it, once, where the servers' provisioning reads it too.
                Assert.Null(value["default"]);
            }
        }
    }

    [Fact]
    public void Each_service_reaches_only_its_own_credentials_never_a_servers_or_another_services()
    {
        foreach (var service in ShopResources.ServiceDatabases.Keys)
        {
            var own = new[] { $"{service}-db-password", $"{service}-messaging-password" };
            var expected = service == "users" ? own.Concat(["admin-password", "jwt-signing-key"]) : own;

            Assert.Equal(expected.Order(), _manifest.Parameters(service).Order());
        }

        Assert.Empty(_manifest.Parameters(ShopResources.Gateway));
    }

    [Fact]
    public void The_gateway_is_the_only_external_binding_and_reaches_every_service()
    {
        var gateway = _manifest.Find("gateway")!;
        var environment = _manifest.Environment("gateway");

        Assert.True(gateway["bindings"]?["http"]?["external"]?.GetValue<bool>() == true);
        Assert.Equal("{gateway.bindings.management.targetPort}", environment["Shop__ManagementPort"]);
        foreach (var service in ShopResources.ServiceDatabases.Keys)
        {
            Assert.Equal($"{{{service}.bindings.http.url}}", environment[$"services__{service}__http__0"]);
        }

        var external = _manifest.Resources
            .SelectMany(resource => (resource.Resource["bindings"]?.AsObject() ?? []).Select(binding => (resource.Name, Binding: binding.Value!)))
            .Where(binding => binding.Binding["external"]?.GetValue<bool>() == true)
            .Select(binding => binding.Name);
        Assert.Equal(["gateway"], external);
    }

    [Fact]
    public void The_databases_are_connection_strings_as_their_roles_and_the_broker_a_container_with_its_administrator()
    {
        foreach (var database in ShopResources.ServiceDatabases.Values)
        {
            var resource = _manifest.Find(database)!;
            Assert.Equal("value.v0", AspireManifest.Type(resource));
            var role = database[..^"db".Length];
            Assert.Equal(
                $"Host={{postgres.bindings.tcp.host}};Port={{postgres.bindings.tcp.port}};Username={role};Password={{{role}-db-password.value}};Database={database}",
                resource["connectionString"]!.GetValue<string>());
        }

        Assert.Equal("container.v0", AspireManifest.Type(_manifest.Find("postgres")!));
        Assert.Equal("container.v0", AspireManifest.Type(_manifest.Find("messaging-broker")!));
        // No shared broker connection string any more: each service has its own user.
        Assert.Null(_manifest.Find("messaging"));
        Assert.Equal(ShopMessaging.Administrator, _manifest.Environment("messaging-broker")["RABBITMQ_DEFAULT_USER"]);
        Assert.Equal("{messaging-password.value}", _manifest.Environment("messaging-broker")["RABBITMQ_DEFAULT_PASS"]);
    }

    [GeneratedRegex("PASSWORD|PASS$|SECRET|KEY", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"^\{[A-Za-z0-9-]+\.value\}$")]
    private static partial Regex ParameterOnly();

    [GeneratedRegex(@"Password=(?!\{)", RegexOptions.IgnoreCase)]
    private static partial Regex LiteralPassword();

    [GeneratedRegex(@"://[^:/@{}]+:(?!\{)[^@]*@")]
    private static partial Regex LiteralUriPassword();
}
