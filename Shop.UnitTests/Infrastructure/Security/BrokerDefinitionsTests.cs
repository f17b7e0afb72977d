using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Shop.AppHost.Infrastructure.Security;

namespace Shop.UnitTests.Infrastructure.Security;

public sealed class BrokerDefinitionsTests
{
    private static readonly BrokerUser Administrator = new("shop-admin", "adminSecret1");

    private static readonly BrokerUser[] Services = [new("orders", "ordersSecret1"), new("payments", "paymentsSecret1")];

    /// <summary>The worked example of RabbitMQ's documentation (Credentials and Passwords, "Computing a password hash").</summary>
    [Fact]
    public void The_hash_matches_rabbitmqs_documented_example() =>
        Assert.Equal("kI3GCqW5JLMJa4iX1lo7X4D6XbYqlLgxIs30+P6tENUV2POR", BrokerDefinitions.PasswordHash("test12", [0x90, 0x8D, 0xC6, 0x0A]));

    [Fact]
    public void Every_user_gets_a_salted_sha256_hash_of_its_own_password_and_never_the_password()
    {
        var json = BrokerDefinitions.Create(Administrator, Services);
        using var definitions = JsonDocument.Parse(json);

        foreach (var user in new[] { Administrator }.Concat(Services))
        {
            var entry = definitions.RootElement.GetProperty("users").EnumerateArray().Single(u => u.GetProperty("name").GetString() == user.Name);
            Assert.Equal("rabbit_password_hashing_sha256", entry.GetProperty("hashing_algorithm").GetString());
            Assert.True(Verifies(entry.GetProperty("password_hash").GetString()!, user.Password));
            Assert.DoesNotContain(user.Password, json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Only_the_administrator_has_a_tag_and_no_guest_exists()
    {
        using var definitions = JsonDocument.Parse(BrokerDefinitions.Create(Administrator, Services));
        var tags = definitions.RootElement.GetProperty("users").EnumerateArray()
            .ToDictionary(u => u.GetProperty("name").GetString()!, u => u.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToArray());

        Assert.Equal(["shop-admin", "orders", "payments"], tags.Keys.ToArray());
        Assert.Equal(["administrator"], tags["shop-admin"]);
        Assert.Empty(tags["orders"]);
        Assert.Empty(tags["payments"]);
    }

    [Fact]
    public void Each_service_gets_its_own_permissions_on_the_one_virtual_host()
    {
        using var definitions = JsonDocument.Parse(BrokerDefinitions.Create(Administrator, Services));
        var permissions = definitions.RootElement.GetProperty("permissions").EnumerateArray().ToDictionary(
            p => p.GetProperty("user").GetString()!,
            p => (p.GetProperty("vhost").GetString(), new BrokerPermissions(
                p.GetProperty("configure").GetString()!, p.GetProperty("write").GetString()!, p.GetProperty("read").GetString()!)));

        Assert.Equal(("/", BrokerPermissions.For("orders")), permissions["orders"]);
        Assert.Equal(("/", BrokerPermissions.For("payments")), permissions["payments"]);
        Assert.Equal(("/", new BrokerPermissions(".*", ".*", ".*")), permissions["shop-admin"]);
        Assert.Equal(["/"], definitions.RootElement.GetProperty("vhosts").EnumerateArray().Select(v => v.GetProperty("name").GetString()));
    }

    [Fact]
    public void The_events_exchange_is_a_durable_topic_exchange()
    {
        using var definitions = JsonDocument.Parse(BrokerDefinitions.Create(Administrator, Services));
        var exchange = Assert.Single(definitions.RootElement.GetProperty("exchanges").EnumerateArray());

        Assert.Equal("shop.events", exchange.GetProperty("name").GetString());
        Assert.Equal("topic", exchange.GetProperty("type").GetString());
        Assert.True(exchange.GetProperty("durable").GetBoolean());
        Assert.False(exchange.GetProperty("auto_delete").GetBoolean());
    }

    private static bool Verifies(string hash, string password)
    {
        var bytes = Convert.FromBase64String(hash);
        var salt = bytes[..4];
        return SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(password)]).AsSpan().SequenceEqual(bytes.AsSpan(4));
    }
}
