using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Shop.Tests.Deployment;
using Shop.Tests.Integration;
using Shop.Tests.Saga;

namespace Shop.Tests.Api;

/// <summary>
/// The README's "Try it" block, run as written by bash against the test app's gateway, so the README cannot drift from
/// the API (or from what a fresh machine has: the test needs only bash, curl and jq, which scripts/test.sh installs).
/// </summary>
[Collection(ShopAppCollection.Name)]
public sealed class ReadmeTryItTests(ShopAppFixture shop)
{
    // How many units of the catalog's first product the block orders.
    private const int QuantityTheBlockOrders = 2;

    private static readonly TimeSpan BlockTimeout = TimeSpan.FromMinutes(1);

    // A line of its own after the block's output; unique per run so nothing the block prints can look like it.
    private static readonly string VariablesMarker = $"--- README variables {Guid.NewGuid():N} ---";

    [Fact]
    public async Task The_readme_try_it_block_runs_as_written_and_its_order_is_confirmed()
    {
        var block = TryItBlock();
        await GiveTheBlocksProductEnoughStockAsync();
        var gateway = shop.App.GetEndpoint(ShopResources.Gateway, "http").GetLeftPart(UriPartial.Authority);

        // The block unchanged, then one line that prints the variables it set: the test reads them back from stdout.
        var script = $"{block}\nprintf '%s\\n' '{VariablesMarker}' \"$TOKEN\" \"$PRODUCT\" \"$ORDER\"\n";
        var (exitCode, output, errors) = await RepositoryCommand.RunAsync(
            "bash", ["-euo", "pipefail", "-c", script], BlockTimeout, new Dictionary<string, string> { ["GW"] = gateway });

        Assert.True(exitCode == 0, $"The block exited with {exitCode}.\nstdout:\n{output}\nstderr:\n{errors}");
        var marker = output.LastIndexOf(VariablesMarker + "\n", StringComparison.Ordinal);
        Assert.True(marker >= 0, $"The variables line is missing from the block's stdout:\n{output}");
        var variables = output[(marker + VariablesMarker.Length + 1)..].Split('\n');
        Assert.True(variables is [_, _, _, ""], $"Expected TOKEN, PRODUCT and ORDER after the marker:\n{output}");
        var (token, product, order) = (variables[0], variables[1], variables[2]);
        Assert.False(string.IsNullOrEmpty(token), $"TOKEN is empty.\nstdout:\n{output}");
        Assert.True(Guid.TryParse(product, out _), $"PRODUCT is not a product id: '{product}'.\nstdout:\n{output}");
        Assert.True(Guid.TryParse(order, out var orderId), $"ORDER is not an order id: '{order}'.\nstdout:\n{output}");

        var shown = LastJsonValue(output[..marker]);
        Assert.Equal(orderId, shown.GetProperty("id").GetGuid());

        // The token the block got is the one that reads the order back, as the README's next paragraph suggests.
        var ada = new Actor("the README's Ada", shown.GetProperty("userId").GetGuid(), "ada@example.com", token);
        var final = await shop.Api.FinalOrderAsync(ada, orderId);
        Assert.True(final.GetProperty("status").GetString() == "Confirmed", $"The block's tok_visa order is not Confirmed: {final}");
    }

    /// <summary>The first <c>```bash</c> block under the README's "## Try it" heading, line for line.</summary>
    private static string TryItBlock()
    {
        var readme = File.ReadAllLines(Path.Combine(ShopTestPaths.RepositoryRoot, "README.md"));
        var section = readme.SkipWhile(line => line != "## Try it").Skip(1).TakeWhile(line => !line.StartsWith("## ", StringComparison.Ordinal));
        var block = section.SkipWhile(line => line != "```bash").Skip(1).TakeWhile(line => line != "```").ToList();

        Assert.True(block.Count > 0, "README.md has no ```bash block under \"## Try it\".");
        return string.Join('\n', block);
    }

    /// <summary>
    /// The block orders from the catalog's first product by sku. On a fresh catalog that is a demo product with hundreds
    /// in stock, but other tests of this shared app create one-unit products whose skus sort before the demo ones
    /// (DUP-…, NUL-…): top up whichever product the block will pick, so the order can be confirmed as on a fresh catalog.
    /// </summary>
    private async Task GiveTheBlocksProductEnoughStockAsync()
    {
        using var anonymous = shop.Api.Anonymous();
        var page = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/products?page=1&pageSize=5", ShopApi.Json, TestContext.Timeout);
        var first = page.GetProperty("items")[0];
        if (first.GetProperty("available").GetInt32() >= QuantityTheBlockOrders)
        {
            return;
        }

        using var admin = shop.Api.As(await shop.Api.AdminAsync());
        using var response = await admin.PutAsJsonAsync(
            $"/api/v1/products/{first.GetProperty("id").GetGuid()}/stock", new { available = 100 * QuantityTheBlockOrders }, TestContext.Timeout);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>
    /// The last of the JSON values in <paramref name="output"/>: the block prints the registration's answer and then the
    /// order, with nothing between them, and its last command is the one showing the order.
    /// </summary>
    private static JsonElement LastJsonValue(string output)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(output), new JsonReaderOptions { AllowMultipleValues = true });
        JsonElement? last = null;
        try
        {
            while (reader.Read())
            {
                last = JsonElement.ParseValue(ref reader);
            }
        }
        catch (JsonException exception)
        {
            throw new Xunit.Sdk.XunitException($"The block's output is not a sequence of JSON values ({exception.Message}):\n{output}");
        }

        return last ?? throw new Xunit.Sdk.XunitException($"The block printed no JSON:\n{output}");
    }
}
