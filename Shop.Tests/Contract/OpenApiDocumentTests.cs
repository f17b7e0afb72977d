using System.Text.Json;
using System.Text.Json.Nodes;
using Shop.Tests.Integration;

namespace Shop.Tests.Contract;

/// <summary>
/// The committed documents are exactly what each service serves through the gateway (<c>/openapi/{service}.json</c>),
/// so a change to an endpoint that changes its contract cannot land without its document.
/// </summary>
[Collection(ShopAppCollection.Name)]
public sealed class OpenApiDocumentTests(ShopAppFixture shop)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static TheoryData<string> Services() => [.. OpenApiDocuments.Services];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task The_committed_document_is_what_the_service_serves(string service)
    {
        using var client = shop.Api.Anonymous();
        var served = JsonNode.Parse(await client.GetStringAsync($"/openapi/{service}.json", TestContext.Timeout))!;
        var path = OpenApiDocuments.PathOf(service);

        if (Environment.GetEnvironmentVariable(OpenApiDocuments.AcceptVariable) == "1")
        {
            await File.WriteAllTextAsync(path, served.ToJsonString(Indented) + "\n", TestContext.Timeout);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run the contract tests with {OpenApiDocuments.AcceptVariable}=1 and commit it.");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(path, TestContext.Timeout));
        Assert.True(
            JsonNode.DeepEquals(committed, served),
            $"docs/openapi/{service}.json differs from what the service serves: run the contract tests with {OpenApiDocuments.AcceptVariable}=1, review the diff and commit it.");
    }
}
