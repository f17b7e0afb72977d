namespace Shop.Tests.Infrastructure;

public sealed class InfrastructureModeSelectorTests
{
    private static bool NoRuntimeAnswers() => false;

    private static bool RuntimeAnswers() => true;

    [Fact]
    public void Auto_without_a_container_runtime_uses_local_executables() =>
        Assert.Equal(InfrastructureMode.Local, InfrastructureModeSelector.Choose(InfrastructureMode.Auto, isPublishMode: false, NoRuntimeAnswers));

    [Fact]
    public void Auto_with_a_container_runtime_uses_containers() =>
        Assert.Equal(InfrastructureMode.Containers, InfrastructureModeSelector.Choose(InfrastructureMode.Auto, isPublishMode: false, RuntimeAnswers));

    [Theory]
    [InlineData(InfrastructureMode.Auto)]
    [InlineData(InfrastructureMode.Local)]
    [InlineData(InfrastructureMode.Containers)]
    public void Publish_mode_always_uses_containers(InfrastructureMode requested) =>
        Assert.Equal(InfrastructureMode.Containers, InfrastructureModeSelector.Choose(requested, isPublishMode: true, NoRuntimeAnswers));

    [Theory]
    [InlineData(InfrastructureMode.Local)]
    [InlineData(InfrastructureMode.Containers)]
    public void An_explicit_mode_is_kept_in_run_mode_without_probing(InfrastructureMode requested) =>
        Assert.Equal(requested, InfrastructureModeSelector.Choose(
            requested,
            isPublishMode: false,
            () => throw new InvalidOperationException("An explicit mode must not probe for a container runtime.")));

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
}
