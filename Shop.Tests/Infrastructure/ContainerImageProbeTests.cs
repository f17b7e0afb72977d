using System.Diagnostics;

namespace Shop.Tests.Infrastructure;

/// <summary>Against the machine's Docker engine, which scripts/test.sh starts.</summary>
public sealed class ContainerImageProbeTests
{
    private static readonly TimeSpan PullBound = TimeSpan.FromSeconds(20);

    [Fact]
    public void An_image_on_the_machine_is_found()
    {
        Assert.True(ContainerImageProbe.IsPresentOrPulled("docker", ContainerImages.Postgres, PullBound));
    }

    [Fact]
    public void An_image_that_is_nowhere_is_reported_missing_within_the_pull_bound()
    {
        var clock = Stopwatch.StartNew();

        Assert.False(ContainerImageProbe.IsPresentOrPulled("docker", "docker.io/library/shop-no-such-image:0", PullBound));
        Assert.True(clock.Elapsed < PullBound + TimeSpan.FromSeconds(5), $"The probe took {clock.Elapsed}.");
    }

    [Fact]
    public void A_runtime_that_is_not_installed_has_no_images() =>
        Assert.False(ContainerImageProbe.IsPresentOrPulled("shop-no-such-runtime", ContainerImages.Postgres, PullBound));
}
