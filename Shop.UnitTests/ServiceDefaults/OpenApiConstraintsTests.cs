using Microsoft.OpenApi;
using Shop.ServiceDefaults.OpenApi;

namespace Shop.UnitTests.ServiceDefaults;

public sealed class OpenApiConstraintsTests
{
    [Theory]
    [InlineData(@"^tok_[A-Za-z0-9_]{1,64}\z", "^tok_[A-Za-z0-9_]{1,64}$")]
    [InlineData("^[A-Z]{3}$", "^[A-Z]{3}$")]
    public void A_validation_pattern_is_documented_as_the_same_pattern_in_ECMA_262(string validation, string documented)
    {
        var schema = new OpenApiSchema();

        OpenApiConstraints.Matching(validation)(schema);

        Assert.Equal(documented, schema.Pattern);
    }

    [Fact]
    public void A_range_is_written_with_invariant_numbers()
    {
        var schema = new OpenApiSchema();

        OpenApiConstraints.Between(0.01m, 1_000_000m)(schema);

        Assert.Equal(("0.01", "1000000"), (schema.Minimum, schema.Maximum));
    }
}
