using System.Text.RegularExpressions;

namespace Shop.Tests.Infrastructure;

/// <summary>
/// Containers mode checks for, and scripts/container-images.sh provides, exactly the images Aspire runs. An Aspire
/// upgrade that moves a tag fails here instead of as a container that never starts.
/// </summary>
public sealed partial class ContainerImagesTests
{
    [Fact]
    public void The_images_checked_for_are_the_ones_Aspire_declares()
    {
        var builder = DistributedApplication.CreateBuilder();

        Assert.Equal(ContainerImages.Postgres, DeclaredImage(builder.AddPostgres("postgres").Resource));
        Assert.Equal(ContainerImages.RabbitMQ, DeclaredImage(builder.AddRabbitMQ("messaging").Resource));
    }

    [Theory]
    [InlineData("SHOP_POSTGRES_IMAGE", ContainerImages.Postgres)]
    [InlineData("SHOP_RABBITMQ_IMAGE", ContainerImages.RabbitMQ)]
    public void The_image_script_provides_the_same_images(string variable, string image)
    {
        var script = File.ReadAllText(Path.Combine(ShopTestPaths.RepositoryRoot, "scripts", "lib", "container-images.sh"));

        var assignment = Assert.Single(ScriptAssignment().Matches(script), match => match.Groups["name"].Value == variable);
        Assert.Equal(image, assignment.Groups["value"].Value);
    }

    private static string DeclaredImage(IResource resource)
    {
        Assert.True(resource.TryGetContainerImageName(out var image));
        return image;
    }

    [GeneratedRegex(@"^(?<name>SHOP_\w+_IMAGE)=(?<value>\S+)$", RegexOptions.Multiline)]
    private static partial Regex ScriptAssignment();
}
