using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Shop.Tests.Integration;

namespace Shop.Tests.Api;

[Collection(ShopAppCollection.Name)]
public sealed class UsersApiTests(ShopAppFixture shop)
{
    [Fact]
    public async Task Registering_returns_the_customer_profile_with_its_location()
    {
        var email = $"Profile-{Guid.NewGuid():N}@Example.com";
        using var client = shop.Api.Anonymous();

        using var response = await client.PostAsJsonAsync("/api/v1/users", new { email, password = "correct horse battery", displayName = " Ada " }, TestContext.Timeout);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var user = await response.ReadJsonAsync<JsonElement>();
        Assert.Equal(email, user.GetProperty("email").GetString());
        Assert.Equal("Ada", user.GetProperty("displayName").GetString());
        Assert.Equal("customer", user.GetProperty("role").GetString());
        Assert.Equal($"/api/v1/users/{user.GetProperty("id").GetGuid()}", response.Headers.Location?.OriginalString);
        Assert.False(user.TryGetProperty("password", out _) || user.TryGetProperty("passwordHash", out _));
    }

    [Fact]
    public async Task An_email_is_registered_once_whatever_its_case()
    {
        var scenario = await shop.Scenario;
        using var client = shop.Api.Anonymous();

        using var response = await client.PostAsJsonAsync(
            "/api/v1/users",
            new { email = scenario.CustomerA.Email.ToUpperInvariant(), password = "another password", displayName = "Copy" },
            TestContext.Timeout);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_401()
    {
        var scenario = await shop.Scenario;
        using var client = shop.Api.Anonymous();

        using var wrongPassword = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = scenario.CustomerA.Email, password = "wrong password" }, TestContext.Timeout);
        using var unknownEmail = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@example.com", password = "wrong password" }, TestContext.Timeout);

        var first = await wrongPassword.AssertProblemAsync(HttpStatusCode.Unauthorized);
        var second = await unknownEmail.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(first.GetProperty("detail").GetString(), second.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_token_carries_the_users_id_email_role_and_a_one_hour_expiry()
    {
        var scenario = await shop.Scenario;

        var token = new JsonWebToken(scenario.CustomerA.AccessToken);

        Assert.Equal("RS256", token.Alg);
        Assert.Equal(scenario.CustomerA.Id.ToString(), token.Subject);
        Assert.Equal(scenario.CustomerA.Email, token.GetClaim("email").Value);
        Assert.Equal("customer", token.GetClaim("role").Value);
        Assert.InRange(token.ValidTo - token.IssuedAt, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
    }

    [Fact]
    public async Task The_admin_account_exists_from_first_start()
    {
        var scenario = await shop.Scenario;
        using var client = shop.Api.As(scenario.Admin);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/users/me", ShopApi.Json, TestContext.Timeout);

        Assert.Equal(ShopApp.AdminEmail, me.GetProperty("email").GetString());
        Assert.Equal("admin", me.GetProperty("role").GetString());
    }

    [Theory]
    [InlineData("/api/v1/users/me")]
    [InlineData("/api/v1/orders")]
    [InlineData("/api/v1/notifications")]
    public async Task A_token_signed_by_another_key_is_rejected(string path)
    {
        var scenario = await shop.Scenario;
        using var client = shop.Api.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.SignedByAnotherKey(scenario.CustomerA, role: "admin"));

        using var response = await client.GetAsync(path, TestContext.Timeout);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_not_a_500()
    {
        using var client = shop.Api.Anonymous();

        using var response = await client.PostAsync(
            "/api/v1/users",
            new StringContent("{\"email\": ", Encoding.UTF8, "application/json"),
            TestContext.Timeout);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
