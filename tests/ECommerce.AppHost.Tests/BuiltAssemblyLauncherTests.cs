using System.Diagnostics;
using System.Runtime.Versioning;
using ECommerce.AppHost.Resources;

namespace ECommerce.AppHost.Tests;

/// <summary>
/// The launcher the AppHost puts first on DCP's PATH, run by the real <c>sh</c> against a stand-in for the real
/// <c>dotnet</c> that prints the arguments it was given.
/// </summary>
[UnsupportedOSPlatform("windows")] // the launcher is for Linux and macOS (sh), as the AppHost installs it
public sealed class BuiltAssemblyLauncherTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("launcher-test-").FullName;
    private readonly string _launcher;
    private readonly string _project;

    public BuiltAssemblyLauncherTests()
    {
        // A path with a space and a quote: the launcher must quote the real dotnet's path it embeds.
        var realDirectory = Directory.CreateDirectory(Path.Combine(_root, "real dot'net")).FullName;
        var real = Path.Combine(realDirectory, "dotnet");
        WriteExecutable(real, "#!/bin/sh\nprintf '%s|' \"$@\"\n");
        _launcher = Path.Combine(_root, "dotnet");
        WriteExecutable(_launcher, BuiltAssemblyLauncher.Script(real));

        var projectDirectory = Directory.CreateDirectory(Path.Combine(_root, "services", "My Orders")).FullName;
        _project = Path.Combine(projectDirectory, "ECommerce.Orders.csproj");
        File.WriteAllText(_project, "<Project />");
    }

    private string Assembly(string configuration = "Release", string framework = "net10.0")
    {
        var directory = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(_project)!, "bin", configuration, framework)).FullName;
        var assembly = Path.Combine(directory, "ECommerce.Orders.dll");
        File.WriteAllText(assembly, "");
        return assembly;
    }

    private string[] AspireRun(string configuration = "Release") =>
        ["run", "--project", _project, "--no-build", "--configuration", configuration, "--no-launch-profile"];

    [Fact]
    public async Task Aspires_dotnet_run_of_a_built_project_becomes_dotnet_exec_of_its_assembly()
    {
        var assembly = Assembly();

        Assert.Equal(["exec", assembly], await RunAsync(AspireRun()));
    }

    [Fact]
    public async Task The_configuration_asked_for_is_the_one_run()
    {
        Assembly("Release");
        var debug = Assembly("Debug");

        Assert.Equal(["exec", debug], await RunAsync(AspireRun("Debug")));
    }

    [Fact]
    public async Task A_project_not_built_goes_to_dotnet_run_unchanged()
    {
        string[] args = AspireRun();

        Assert.Equal(args, await RunAsync(args));
    }

    [Fact]
    public async Task An_assembly_built_for_two_frameworks_goes_to_dotnet_run_unchanged()
    {
        Assembly(framework: "net9.0");
        Assembly(framework: "net10.0");
        string[] args = AspireRun();

        Assert.Equal(args, await RunAsync(args));
    }

    [Theory]
    [InlineData("build")] // a build is not a run
    [InlineData("watch")] // dotnet watch (DOTNET_WATCH): rebuilds on change
    [InlineData("--no-build-is-not-enough")]
    public async Task Any_other_command_goes_to_the_real_dotnet_unchanged(string first)
    {
        Assembly();
        string[] args = [first, "--project", _project];

        Assert.Equal(args, await RunAsync(args));
    }

    [Fact]
    public async Task A_run_that_builds_uses_a_launch_profile_or_passes_arguments_is_left_to_dotnet_run()
    {
        Assembly();
        string[][] runs =
        [
            ["run", "--project", _project, "--configuration", "Release", "--no-launch-profile"],
            ["run", "--project", _project, "--no-build", "--configuration", "Release"],
            [.. AspireRun(), "--", "--urls", "http://localhost:1"],
            ["run", "--project", _project, "--no-build", "--no-launch-profile"],
        ];

        foreach (var args in runs)
        {
            Assert.Equal(args, await RunAsync(args));
        }
    }

    private async Task<string[]> RunAsync(string[] args)
    {
        var info = new ProcessStartInfo(_launcher) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, error);
        return output.Split('|', StringSplitOptions.RemoveEmptyEntries);
    }

    private static void WriteExecutable(string path, string content)
    {
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
