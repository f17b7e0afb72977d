using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shop.AppHost.Infrastructure.Security;

/// <summary>
/// The RabbitMQ definitions file Shop's broker imports at every boot: the administrator, one user per service with
/// only its own permissions (<see cref="BrokerPermissions"/>), the virtual host and the <c>shop.events</c> exchange.
/// A broker with definitions to load creates no default user, so <c>guest</c> never exists on a fresh node.
/// deploy/kubernetes/new-secrets.sh writes the same document for compose and Kubernetes; a test compares the two.
/// </summary>
public static class BrokerDefinitions
{
    public const string VirtualHost = "/";

    public static string Create(BrokerUser administrator, IEnumerable<BrokerUser> services)
    {
        ArgumentNullException.ThrowIfNull(administrator);
        ArgumentNullException.ThrowIfNull(services);

        var users = new JsonArray { User(administrator, "administrator") };
        var permissions = new JsonArray { Permission(administrator.Name, new BrokerPermissions(".*", ".*", ".*")) };
        foreach (var service in services)
        {
            users.Add(User(service));
            permissions.Add(Permission(service.Name, BrokerPermissions.For(service.Name)));
        }

        var definitions = new JsonObject
        {
            ["users"] = users,
            ["vhosts"] = new JsonArray { new JsonObject { ["name"] = VirtualHost } },
            ["permissions"] = permissions,
            ["exchanges"] = new JsonArray
            {
                new JsonObject
                {
                    ["name"] = BrokerPermissions.EventsExchange,
                    ["vhost"] = VirtualHost,
                    ["type"] = "topic",
                    ["durable"] = true,
                    ["auto_delete"] = false,
                    ["internal"] = false,
                    ["arguments"] = new JsonObject(),
                },
            },
        };
        return definitions.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>RabbitMQ's <c>rabbit_password_hashing_sha256</c>: base64(salt ‖ SHA-256(salt ‖ UTF-8 password)), 4-byte salt.</summary>
    public static string PasswordHash(string password, ReadOnlySpan<byte> salt)
    {
        ArgumentNullException.ThrowIfNull(password);

        var salted = new byte[salt.Length + Encoding.UTF8.GetByteCount(password)];
        salt.CopyTo(salted);
        Encoding.UTF8.GetBytes(password, salted.AsSpan(salt.Length));
        return Convert.ToBase64String([.. salt, .. SHA256.HashData(salted)]);
    }

    private static JsonObject User(BrokerUser user, params string[] tags) => new()
    {
        ["name"] = user.Name,
        ["password_hash"] = PasswordHash(user.Password, RandomNumberGenerator.GetBytes(4)),
        ["hashing_algorithm"] = "rabbit_password_hashing_sha256",
        ["tags"] = new JsonArray([.. tags.Select(tag => JsonValue.Create(tag))]),
    };

    private static JsonObject Permission(string user, BrokerPermissions permissions) => new()
    {
        ["user"] = user,
        ["vhost"] = VirtualHost,
        ["configure"] = permissions.Configure,
        ["write"] = permissions.Write,
        ["read"] = permissions.Read,
    };
}
