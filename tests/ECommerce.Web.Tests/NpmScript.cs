using System.Diagnostics;
using System.Text;

namespace ECommerce.Web.Tests;

/// <summary>Runs an npm script in web/ and returns its exit code with everything it printed.</summary>
internal static class NpmScript
{
    public static readonly string WebDirectory = FindWebDirectory();

    public static async Task<(int ExitCode, string Output)> RunAsync(string script, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Path.Combine(WebDirectory, "node_modules")))
        {
            // Installing here would race the AppHost tests' own web resource; the README's test command installs first.
            return (-1, $"{WebDirectory}/node_modules is missing: run `npm ci --prefix web` first (the README's test command does).");
        }

        var info = new ProcessStartInfo("npm") { WorkingDirectory = WebDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("run");
        info.ArgumentList.Add(script);
        info.Environment["CI"] = "true";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("npm did not start");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static string FindWebDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ECommerce.sln")))
            {
                return Path.Combine(dir.FullName, "web");
            }
        }

        throw new InvalidOperationException("The tests must run inside the repository.");
    }
}
