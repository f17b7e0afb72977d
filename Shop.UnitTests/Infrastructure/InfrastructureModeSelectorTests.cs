using Aspire.Hosting;
using Shop.AppHost.Infrastructure;

namespace Shop.UnitTests.Infrastructure;

public sealed class InfrastructureModeSelectorTests
{
    private static readonly ContainerReadiness NoEngine = new(null, []);

    private static readonly ContainerReadiness Ready = new("docker", []);

    private static readonly ContainerReadiness PostgresMissing = new("docker", [ContainerImages.Postgres]);

    private static ContainerReadiness MustNotProbe() => throw new InvalidOperationException("This choice must not probe the container engine.");

    [Fact]
    public void Auto_without_a_container_engine_uses_local_executables_and_says_so()
    {
        var decision = InfrastructureModeSelector.Choose(InfrastructureMode.Auto, isPublishMode: false, () => NoEngine);

        Assert.Equal(InfrastructureMode.Local, decision.Mode);
        Assert.Contains("no container engine answers", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Auto_with_an_engine_and_both_images_uses_containers() =>
        Assert.Equal(InfrastructureMode.Containers, InfrastructureModeSelector.Choose(InfrastructureMode.Auto, isPublishMode: false, () => Ready).Mode);

    [Fact]
    public void Auto_with_an_engine_but_a_missing_image_uses_local_and_names_the_image_and_the_script()
    {
        var decision = InfrastructureModeSelector.Choose(InfrastructureMode.Auto, isPublishMode: false, () => PostgresMissing);

        Assert.Equal(InfrastructureMode.Local, decision.Mode);
        Assert.Contains(ContainerImages.Postgres, decision.Reason, StringComparison.Ordinal);
        Assert.Contains("scripts/container-images.sh", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Containers_with_a_missing_image_fails_at_once_naming_the_image_and_both_ways_out()
    {
        var exception = Assert.Throws<DistributedApplicationException>(
            () => InfrastructureModeSelector.Choose(InfrastructureMode.Containers, isPublishMode: false, () => PostgresMissing));

        Assert.Contains(ContainerImages.Postgres, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ContainerImages.RabbitMQ, exception.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/container-images.sh", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Shop__Infrastructure=local", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Containers_without_an_engine_fails_at_once_with_the_way_out()
    {
        var exception = Assert.Throws<DistributedApplicationException>(
            () => InfrastructureModeSelector.Choose(InfrastructureMode.Containers, isPublishMode: false, () => NoEngine));

        Assert.Contains("no container engine answers", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Shop__Infrastructure=local", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Containers_with_an_engine_and_both_images_uses_containers() =>
        Assert.Equal(InfrastructureMode.Containers, InfrastructureModeSelector.Choose(InfrastructureMode.Containers, isPublishMode: false, () => Ready).Mode);

    [Theory]
    [InlineData(InfrastructureMode.Auto)]
    [InlineData(InfrastructureMode.Local)]
    [InlineData(InfrastructureMode.Containers)]
    public void Publish_mode_always_uses_containers_without_probing(InfrastructureMode requested) =>
        Assert.Equal(InfrastructureMode.Containers, InfrastructureModeSelector.Choose(requested, isPublishMode: true, MustNotProbe).Mode);

    [Fact]
    public void Local_is_kept_in_run_mode_without_probing() =>
        Assert.Equal(InfrastructureMode.Local, InfrastructureModeSelector.Choose(InfrastructureMode.Local, isPublishMode: false, MustNotProbe).Mode);

    [Theory]
    [InlineData(null, InfrastructureMode.Auto)]
    [InlineData("", InfrastructureMode.Auto)]
    [InlineData("auto", InfrastructureMode.Auto)]
    [InlineData("Containers", InfrastructureMode.Containers)]
    [InlineData(" LOCAL ", InfrastructureMode.Local)]
    public void The_setting_is_parsed_case_insensitively(string? setting, InfrastructureMode expected) =>
        Assert.Equal(expected, InfrastructureModeSelector.Parse(setting));

    [Fact]
    public void An_unknown_setting_is_rejected_with_the_valid_choices()
    {
        var exception = Assert.Throws<DistributedApplicationException>(() => InfrastructureModeSelector.Parse("kubernetes"));

        Assert.Contains("'auto', 'containers' or 'local'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_decision_gives_the_reason_the_log_line_shows()
    {
        Assert.Equal(
            "publish mode: a manifest describes containers",
            InfrastructureModeSelector.Choose(InfrastructureMode.Auto, isPublishMode: true, MustNotProbe).Reason);
        Assert.Equal(
            "Shop:Infrastructure is 'local'",
            InfrastructureModeSelector.Choose(InfrastructureMode.Local, isPublishMode: false, MustNotProbe).Reason);
        Assert.Equal(
            $"Shop:Infrastructure is 'containers'; docker answers and has {ContainerImages.Postgres} and {ContainerImages.RabbitMQ}",
            InfrastructureModeSelector.Choose(InfrastructureMode.Containers, isPublishMode: false, () => Ready).Reason);
        Assert.Equal(
            $"auto: docker answers and has {ContainerImages.Postgres} and {ContainerImages.RabbitMQ}",
            InfrastructureModeSelector.Choose(InfrastructureMode.Auto, isPublishMode: false, () => Ready).Reason);
    }

    [Fact]
    public void A_containers_decision_names_the_engine_that_answered()
    {
        var decision = InfrastructureModeSelector.Choose(InfrastructureMode.Auto, isPublishMode: false, () => new("podman", []));

        Assert.Equal("podman", decision.ContainerRuntime);
    }

    [Fact]
    public void Both_missing_images_are_named_together()
    {
        var decision = InfrastructureModeSelector.Choose(
            InfrastructureMode.Auto, isPublishMode: false, () => new("docker", [ContainerImages.Postgres, ContainerImages.RabbitMQ]));

        Assert.StartsWith(
            $"auto: docker answers, but the images {ContainerImages.Postgres} and {ContainerImages.RabbitMQ} are not on this machine",
            decision.Reason,
            StringComparison.Ordinal);
    }

    [Fact]
    public void One_missing_image_is_named_alone()
    {
        var decision = InfrastructureModeSelector.Choose(InfrastructureMode.Auto, isPublishMode: false, () => PostgresMissing);

        Assert.StartsWith($"auto: docker answers, but the image {ContainerImages.Postgres} is not on this machine", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_probe_is_required() =>
        Assert.Throws<ArgumentNullException>(() => InfrastructureModeSelector.Choose(InfrastructureMode.Auto, isPublishMode: false, null!));
}
