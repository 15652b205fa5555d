using System.Diagnostics;

namespace ECommerce.AppHost.Infrastructure;

/// <summary>Asks docker and then podman whether an engine answers; a client without an engine does not count.</summary>
public static class ContainerRuntime
{
    public static string? Detect()
    {
        foreach (var runtime in new[] { "docker", "podman" })
        {
            if (Answers(runtime))
            {
                return runtime;
            }
        }

        return null;
    }

    private static bool Answers(string runtime)
    {
        try
        {
            var info = new ProcessStartInfo(runtime, ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(info);
            if (process is null)
            {
                return false;
            }

            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            // A client with no engine can hang on a missing socket; a few seconds is plenty for a live engine.
            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // not installed
        }
    }
}
