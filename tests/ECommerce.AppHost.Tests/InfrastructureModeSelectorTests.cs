using ECommerce.AppHost.Infrastructure;

namespace ECommerce.AppHost.Tests;

public class InfrastructureModeSelectorTests
{
    [Fact]
    public void Without_a_request_a_live_container_runtime_means_containers()
    {
        var choice = InfrastructureModeSelector.Select(null, () => "podman");

        Assert.Equal(InfrastructureMode.Containers, choice.Mode);
        Assert.Contains("podman", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_request_and_without_a_runtime_the_machine_binaries_are_used()
    {
        var choice = InfrastructureModeSelector.Select(null, () => null);

        Assert.Equal(InfrastructureMode.Local, choice.Mode);
    }

    [Theory]
    [InlineData("local", InfrastructureMode.Local)]
    [InlineData("EXTERNAL", InfrastructureMode.External)]
    [InlineData("containers", InfrastructureMode.Containers)]
    public void An_explicit_request_wins_over_detection(string requested, InfrastructureMode expected)
    {
        var choice = InfrastructureModeSelector.Select(requested, () => "docker");

        Assert.Equal(expected, choice.Mode);
        Assert.Equal("requested with --infra", choice.Reason);
    }

    [Fact]
    public void Requesting_containers_without_a_runtime_fails_with_what_to_do()
    {
        var error = Assert.Throws<InfrastructureException>(() => InfrastructureModeSelector.Select("containers", () => null));

        Assert.Contains("no container runtime answers", error.Message, StringComparison.Ordinal);
        Assert.Contains("--infra local", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kubernetes")]
    [InlineData("1")]
    public void An_unknown_mode_is_rejected(string requested)
    {
        var error = Assert.Throws<InfrastructureException>(() => InfrastructureModeSelector.Select(requested, () => null));

        Assert.Contains(requested, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_postgres_binaries_fail_naming_the_package_to_install()
    {
        var empty = Directory.CreateTempSubdirectory().FullName;

        var error = Assert.Throws<InfrastructureException>(() => PostgresInstallation.FindIn([empty]));

        Assert.Contains("apt-get install -y postgresql", error.Message, StringComparison.Ordinal);
    }
}
