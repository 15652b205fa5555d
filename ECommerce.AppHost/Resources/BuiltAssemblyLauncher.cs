using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace ECommerce.AppHost.Resources;

/// <summary>
/// Starts each .NET service from its build output instead of under a <c>dotnet run</c> that stays alive beside it.
/// </summary>
/// <remarks>
/// <para>
/// In run mode Aspire's orchestrator (DCP) starts every project as <c>dotnet run --project X.csproj --no-build
/// --configuration C --no-launch-profile</c>. That <c>dotnet run</c> evaluates the project with MSBuild, starts the
/// built service as its child and then only waits for it: nine such wrappers held 589 MiB (20 % of the whole
/// system, eng/measure-startup.sh, 2026-12-04) and each start paid an MSBuild evaluation on the shared cores.
/// Aspire 13.6 has no option to launch a project's assembly directly, and the command it gives DCP is the bare name
/// <c>dotnet</c>, which DCP looks up on the PATH it inherits from the AppHost.
/// </para>
/// <para>
/// So, in run mode on Linux and macOS, the AppHost puts a small launcher named <c>dotnet</c> first on its own PATH. It
/// recognises exactly the invocation above and replaces itself (<c>exec</c>) with
/// <c>dotnet exec bin/C/&lt;tfm&gt;/X.dll</c>: the same build output, working directory and environment that
/// <c>dotnet run --no-build</c> would have used, in the process DCP started, so the pid it reports, stops and kills is the
/// service's own. Anything else (a build, a tool, <c>dotnet watch</c>, an assembly not found exactly once) is passed
/// unchanged to the real <c>dotnet</c>. An IDE's debug session launches projects itself and is left alone, and
/// <c>Services:LaunchBuiltAssembly=false</c> turns the launcher off.
/// </para>
/// </remarks>
public static class BuiltAssemblyLauncher
{
    public const string EnabledKey = "Services:LaunchBuiltAssembly";

    /// <summary>Installs the launcher for this AppHost's run (see the type's remarks); a no-op where it does not apply.</summary>
    public static IDistributedApplicationBuilder LaunchServicesFromBuildOutput(this IDistributedApplicationBuilder builder)
    {
        if (OperatingSystem.IsWindows())
        {
            return builder; // DCP runs a .exe there, and no sh.
        }

        if (!builder.ExecutionContext.IsRunMode
            || !builder.Configuration.GetValue(EnabledKey, defaultValue: true)
            || !string.IsNullOrEmpty(builder.Configuration["DEBUG_SESSION_PORT"]))
        {
            return builder;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var directories = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var dotnet = directories
            .Where(d => !Path.GetFileName(d).StartsWith(DirectoryPrefix, StringComparison.Ordinal))
            .Select(d => Path.Combine(d, "dotnet"))
            .FirstOrDefault(File.Exists);
        if (dotnet is null)
        {
            return builder; // DCP could not start a project either; leave its own error to say so.
        }

        var script = Script(Path.GetFullPath(dotnet));
        var directory = Install(script);
        if (directories.FirstOrDefault() != directory)
        {
            Environment.SetEnvironmentVariable("PATH", directory + Path.PathSeparator + path);
        }

        return builder;
    }

    private const string DirectoryPrefix = "ecommerce-apphost-launcher-";

    /// <summary>
    /// Writes the launcher to a folder named by its content, so AppHosts running at once (tests) share one file and a
    /// changed launcher never overwrites one a running orchestrator may be executing.
    /// </summary>
    [UnsupportedOSPlatform("windows")]
    private static string Install(string script)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(script)))[..16];
        var directory = Path.Combine(Path.GetTempPath(), DirectoryPrefix + hash);
        var launcher = Path.Combine(directory, "dotnet");
        if (File.Exists(launcher) && File.ReadAllText(launcher) == script)
        {
            return directory;
        }

        Directory.CreateDirectory(directory);
        var staged = Path.Combine(directory, $".dotnet-{Guid.NewGuid():N}");
        File.WriteAllText(staged, script);
        File.SetUnixFileMode(staged, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.Move(staged, launcher, overwrite: true); // a rename: a reader sees the old file or the new, never half of one
        return directory;
    }

    /// <summary>The launcher: POSIX sh, so it needs nothing the machine may lack.</summary>
    public static string Script(string dotnet) => $$"""
        #!/bin/sh
        # Written by the ECommerce AppHost (ECommerce.AppHost/Resources/BuiltAssemblyLauncher.cs): runs a service that
        # Aspire starts as `dotnet run --project X.csproj --no-build --configuration C --no-launch-profile` straight from
        # its build output, without a `dotnet run` process waiting beside it. Everything else goes to the real dotnet.
        real='{{dotnet.Replace("'", "'\\''", StringComparison.Ordinal)}}'
        [ "$1" = run ] || exec "$real" "$@"
        shift
        project= configuration= no_build= no_launch_profile= expect=
        for arg in "$@"; do
          case $expect in
            project) project=$arg; expect=; continue ;;
            configuration) configuration=$arg; expect=; continue ;;
          esac
          case $arg in
            --project) expect=project ;;
            --configuration|-c) expect=configuration ;;
            --no-build) no_build=1 ;;
            --no-launch-profile) no_launch_profile=1 ;;
            *) exec "$real" run "$@" ;;
          esac
        done
        case $project in *.csproj) ;; *) exec "$real" run "$@" ;; esac
        [ -n "$no_build" ] && [ -n "$no_launch_profile" ] && [ -n "$configuration" ] && [ -z "$expect" ] || exec "$real" run "$@"
        name=$(basename "$project" .csproj)
        assembly= found=0
        for candidate in "$(dirname "$project")/bin/$configuration"/*/"$name.dll"; do
          [ -f "$candidate" ] && { assembly=$candidate; found=$((found + 1)); }
        done
        [ "$found" -eq 1 ] || exec "$real" run "$@"
        exec "$real" exec "$assembly"

        """;
}
